import { describe, expect, test } from "vitest";
import { assess } from "../src/assess/index.js";
import { scoringParams } from "../src/assess/params.js";
import { resolveMentions } from "../src/resolve/resolve.js";
import { loadRules } from "../src/rules/load.js";
import type { Mention } from "../src/types.js";

const asOf = "2026-11-28";
const at = (file: string, line: number, value: string, extra: Partial<Mention> = {}): Mention =>
  ({ kind: "model", file, line, column: 5, endLine: line, endColumn: 5 + value.length, value, text: value, detector: "python", evidence: "model-position", via: "from_pretrained", ...extra }) as Mention;

describe("with the shipped rules", async () => {
  const db = await loadRules();
  test("scoring.yaml carries every parameter the engine needs", () => {
    expect(() => scoringParams(db)).not.toThrow();
  });

  test("representative models score as documented in docs/scoring.md", () => {
    const mentions = [
      at("src/complete.ts", 3, "text-davinci-003", { detector: "typescript", providerHint: "openai", via: "completions.create" }),
      at("gen.py", 12, "runwayml/stable-diffusion-v1-5"),
      at("gen.py", 30, "runwayml/stable-diffusion-v1-5"),
      at("chat.py", 5, "Qwen/Qwen2.5-7B-Instruct", { revision: "0123456789abcdef0123456789abcdef01234567" }),
    ];
    const result = assess(resolveMentions(mentions, db, asOf), db, { asOf });
    const scores = Object.fromEntries(result.models.map((m) => [m.id, [m.score, m.level]]));
    expect(scores["text-davinci-003"]).toEqual([82, "critical"]);
    expect(scores["runwayml/stable-diffusion-v1-5"]).toEqual([78, "critical"]);
    const retired = result.findings.find((f) => f.rule === "retired-model")!;
    expect(retired.fix).toMatch(/gpt-3\.5-turbo-instruct/);
    expect(result.findings.some((f) => f.rule === "takedown-history" && f.file === "gen.py")).toBe(true);
    expect(scores["Qwen/Qwen2.5-7B-Instruct"]).toEqual([22, "low"]);
    // The Qwen organisation's GitHub suspension was undone: worth a finding, one level below the default.
    const qwen = result.findings.find((f) => f.rule === "takedown-history" && f.file === "chat.py")!;
    const runway = result.findings.find((f) => f.rule === "takedown-history" && f.file === "gen.py")!;
    expect([qwen.level, runway.level]).toEqual(["medium", "high"]);
    expect(result.concentration.hhi).toEqual({ hosts: 0.625, vendors: 0.375 });
    expect(result.summary).toEqual({ score: 88, level: "critical" });
  });
});

describe("API aliases with dated snapshots in the shipped rules", () => {
  test("gpt-4o is a moving alias to pin; its dated snapshot is not", async () => {
    const db = await loadRules();
    const mentions = [
      at("src/a.ts", 1, "gpt-4o", { detector: "typescript", providerHint: "openai", via: "chat.completions.create" }),
      at("src/b.ts", 1, "gpt-4o-2024-08-06", { detector: "typescript", providerHint: "openai", via: "chat.completions.create" }),
    ];
    const result = assess(resolveMentions(mentions, db, asOf), db, { asOf });
    const pinning = (id: string) => result.models.find((m) => m.id === id)!.factors!.find((f) => f.name === "pinning")!;
    expect(pinning("gpt-4o").score).toBe(0.5);
    expect(pinning("gpt-4o").reason).toMatch(/gpt-4o-2024-11-20/);
    expect(pinning("gpt-4o-2024-08-06").score).toBe(0);
    expect(result.findings.filter((f) => f.rule === "floating-alias").map((f) => f.model)).toEqual(["gpt-4o"]);
  });
});
