import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

const FIXTURES = readdirSync("fixtures", { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "hostile")
  .map((d) => d.name)
  .sort();

describe("detection does not depend on the number of threads", () => {
  it.each(FIXTURES)("%s: one thread and two give the same report", (name) => {
    const scan = (workers: string) =>
      runCli(["scan", `fixtures/${name}`, "--format", "json", "--as-of", "2026-11-28", "--workers", workers]);
    const one = scan("1");
    const two = scan("2");
    expect(one.status).toBe(0);
    expect(two.stderr).toBe("");
    expect(two.stdout).toBe(one.stdout);
  });
});

describe("the TypeScript pass in one worker beside the main thread", () => {
  it("finds what the main thread finds, on every fixture's JS/TS files", async () => {
    // The built modules: a worker runs compiled code (dist/ is built by the global setup).
    const parallel = (await import("../dist/detect/typescript/parallel.js")) as typeof import("../src/detect/typescript/parallel.js");
    const main = (await import("../dist/detect/typescript/index.js")) as typeof import("../src/detect/typescript/index.js");
    const files = FIXTURES.flatMap((name) => sourcesOf(`fixtures/${name}`)).filter((f) => main.typescriptDetector.accepts(f.path));
    expect(files.length).toBeGreaterThan(20);
    // The worker loads the built-in rules database; the main thread uses the same one.
    const { loadRules } = await import("../dist/rules/load.js");
    const { detectContext } = await import("../dist/detect/context.js");
    const db = await loadRules({});
    const expected = main.detectTypescript(files, detectContext(db, []));
    expect(expected.length).toBeGreaterThan(10);
    const inWorker = await parallel.detectTypescriptInWorker(files, detectContext(db, []), {});
    expect(inWorker).toEqual(expected);
  });
});

function sourcesOf(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name))
    .sort()
    .map((path) => ({ path: path.split("\\").join("/"), text: readFileSync(path, "utf8") }));
}
