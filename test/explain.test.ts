import { describe, expect, test } from "vitest";
import { assess } from "../src/assess/index.js";
import { explain, findTargets } from "../src/assess/explain.js";
import type { Report } from "../src/types.js";
import { makeDb, ref, resolvedModel } from "./assess-db.js";

const db = makeDb();
const asOf = "2026-11-28";
const sd = "runwayml/stable-diffusion-v1-5";

function build(): Report {
  const models = [
    resolvedModel(sd, [ref("gen.py", 12, sd, { via: "from_pretrained", usedAt: [{ file: "cli.py", line: 40, column: 5, endLine: 40, endColumn: 20 }] })]),
    resolvedModel("text-davinci-003", [ref("src/old.ts", 3, "text-davinci-003", { detector: "typescript", via: "completions.create" })]),
  ];
  const dynamic = [ref("src/chat.ts", 7, "process.env.MODEL", { dynamic: true, detector: "typescript" })];
  const r = assess({ models, providers: [], dynamic }, db, { asOf });
  return {
    schemaVersion: 1, tool: { name: "modelrisk", version: "0.0.0", rulesVersion: "0123456789abcdef" }, asOf,
    summary: { ...r.summary, models: 2, references: 2, providers: 0, findings: r.findings.length, files: 3, skipped: 0 },
    models: r.models, providers: [], dynamic: r.dynamic, findings: r.findings, concentration: r.concentration, skipped: [],
  };
}

describe("explain", () => {
  const report = build();

  test("a model id: formula, every factor with weight and points that add up, reasons and sources", () => {
    const text = explain(report, sd);
    expect(text).toContain(`${sd}  score 91/100 (critical)`);
    expect(text).toContain("score = 100 × (1 − Π(1 − weight × factor)) = 100 × (1 − (1 − 0.60×0.50)(1 − 0.70×1.00)(1 − 0.50×0.90)(1 − 0.30×0.60)) = 91");
    const rows = text.split("\n").filter((l) => /^ {2}(license|takedown|availability|pinning) +\d/.test(l));
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => Number(r.trim().split(/\s+/).at(-1))).reduce((a, b) => a + b, 0)).toBe(91);
    expect(text).toContain("source: https://github.com/huggingface/diffusers/issues/9421");
    expect(text).toContain("gen.py:12:1  runwayml/stable-diffusion-v1-5  (python, from_pretrained)");
    expect(text).toContain("used at cli.py:40:5");
    expect(text).toContain("takedown-history");
  });

  test("hub ids match in any case; file:line finds the model at that line or where it is used", () => {
    expect(findTargets(report, sd.toUpperCase()).models.map((m) => m.id)).toEqual([sd]);
    expect(findTargets(report, "gen.py:12").models.map((m) => m.id)).toEqual([sd]);
    expect(findTargets(report, "./cli.py:40").models.map((m) => m.id)).toEqual([sd]);
    expect(explain(report, "src/old.ts:3")).toContain("retired on 2024-01-04; replacement: gpt-3.5-turbo-instruct");
  });

  test("a dynamic reference is explained as not scorable; an unknown target says so", () => {
    expect(explain(report, "src/chat.ts:7")).toContain("model chosen at run time: process.env.MODEL");
    expect(findTargets(report, "gpt-5")).toEqual({ models: [], dynamic: [], findings: [] });
    expect(explain(report, "gpt-5")).toBe("no model or reference matches 'gpt-5'\n");
  });
});
