import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DetectionCache } from "../src/detect/cache.js";
import { runCli } from "./helpers/cli.js";
import { makeTree } from "./helpers/tmp.js";

describe("DetectionCache keys", () => {
  const cache = new DetectionCache("/nonexistent", "0.1.0\0rules-a");
  const files = [{ path: "a.py", text: "MODEL = 'gpt-4o'\n" }];
  it("change with the content, the detector, the tool/rules version and the path", () => {
    const key = cache.key("python", files);
    expect(new DetectionCache("/x", "0.1.0\0rules-a").key("python", files)).toBe(key);
    expect(new DetectionCache("/x", "0.1.0\0rules-b").key("python", files)).not.toBe(key);
    expect(cache.key("config", files)).not.toBe(key);
    expect(new DetectionCache("/x", "0.1.0\0rules-a").key("python", [{ path: "a.py", text: "MODEL = 'gpt-4'\n" }])).not.toBe(key);
    expect(new DetectionCache("/x", "0.1.0\0rules-a").key("python", [{ path: "b.py", text: files[0]!.text }])).not.toBe(key);
  });
});

describe("--cache", () => {
  const AS_OF = ["--as-of", "2026-11-28", "--format", "json"];

  it.each(["node-openai-anthropic", "hf-diffusers-app", "mixed-monorepo", "finetune-config"])(
    "%s: the same report with an empty cache, a warm cache and no cache",
    (name) => {
      const dir = makeTree({});
      const plain = runCli(["scan", `fixtures/${name}`, ...AS_OF]).stdout;
      expect(runCli(["scan", `fixtures/${name}`, ...AS_OF, "--cache", dir]).stdout).toBe(plain);
      expect(readdirSync(dir).length).toBeGreaterThan(0);
      expect(runCli(["scan", `fixtures/${name}`, ...AS_OF, "--cache", dir]).stdout).toBe(plain);
    },
  );

  it("never answers from an entry computed for other content", () => {
    const root = makeTree({ "app.py": 'MODEL = "gpt-4o"\nclient.chat.completions.create(model=MODEL)\n' });
    const dir = makeTree({});
    const ids = () => (JSON.parse(runCli(["scan", root, ...AS_OF, "--cache", dir]).stdout) as { models: { id: string }[] }).models.map((m) => m.id);
    expect(ids()).toEqual(["gpt-4o"]);
    writeFileSync(join(root, "app.py"), 'MODEL = "claude-2.1"\nclient.messages.create(model=MODEL)\n');
    expect(ids()).toEqual(["claude-2.1"]);
  });
});
