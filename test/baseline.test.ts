import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { assess } from "../src/assess/index.js";
import { readBaseline } from "../src/policy/read-baseline.js";
import type { Report, ReportModel } from "../src/types.js";
import { makeDb, ref, resolvedModel } from "./assess-db.js";

const db = makeDb();
const asOf = "2026-11-28";
const llama = "meta-llama/Llama-3.1-8B-Instruct";

function report(models: ReportModel[], baseline?: Report): Report {
  const result = assess({ models, providers: [], dynamic: [] }, db, baseline ? { asOf, baseline } : { asOf });
  return {
    schemaVersion: 1, tool: { name: "modelrisk", version: "0.0.0" }, asOf,
    summary: { models: result.models.length, references: 0, providers: 0, findings: result.findings.length, files: 0, skipped: 0 },
    models: result.models, providers: result.providers, findings: result.findings, dynamic: result.dynamic, skipped: [],
  };
}

describe("baseline", () => {
  const before = report([resolvedModel(llama, [ref("app/llm.py", 5, llama)])]);

  test("findings of the previous report survive a line shift and no longer count", () => {
    const after = report([resolvedModel(llama, [ref("app/llm.py", 9, llama)])], before);
    expect(after.findings.length).toBeGreaterThan(0);
    expect(after.findings.every((f) => f.suppressed?.kind === "baseline")).toBe(true);
    expect(after.findings[0]!.line).toBe(9);
  });

  test("a second copy of the same reference is new: matching counts", () => {
    const after = report([resolvedModel(llama, [ref("app/llm.py", 9, llama), ref("app/llm.py", 30, llama)])], before);
    const unpinned = after.findings.filter((f) => f.rule === "unpinned-revision");
    expect(unpinned.map((f) => [f.line, f.suppressed?.kind])).toEqual([[9, "baseline"], [30, undefined]]);
  });

  test("a new model, another file or a changed text is new", () => {
    const after = report([
      resolvedModel(llama, [ref("app/other.py", 5, llama)]),
      resolvedModel("text-davinci-003", [ref("app/llm.py", 5, "text-davinci-003")]),
    ], before);
    expect(after.findings.filter((f) => f.suppressed).length).toBe(0);
  });

  test("reads a JSON report; anything else is one clear line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "modelrisk-baseline-"));
    await writeFile(join(dir, "ok.json"), JSON.stringify(before));
    await writeFile(join(dir, "bad.json"), JSON.stringify({ schemaVersion: 2, findings: [] }));
    await writeFile(join(dir, "broken.json"), "{");
    expect((await readBaseline(join(dir, "ok.json"))).findings).toHaveLength(before.findings.length);
    await expect(readBaseline(join(dir, "bad.json"))).rejects.toThrow(/bad\.json: not a modelrisk JSON report: schemaVersion: /);
    await expect(readBaseline(join(dir, "broken.json"))).rejects.toThrow(/broken\.json: cannot read the baseline/);
  });
});
