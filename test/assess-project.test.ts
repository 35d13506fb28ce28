import { describe, expect, test } from "vitest";
import { assess } from "../src/assess/index.js";
import type { ReportProvider } from "../src/types.js";
import { makeDb, ref, resolvedModel } from "./assess-db.js";

const db = makeDb();
const asOf = "2026-11-28";
const ts = (file: string, line: number, text: string) => ref(file, line, text, { detector: "typescript", via: "chat.completions.create" });

describe("project assessment", () => {
  test("a one-vendor project: shares, HHI, single-vendor finding at the first API reference", () => {
    const models = [
      resolvedModel("gpt-4o", [ts("src/chat.ts", 8, "gpt-4o"), ts("src/summary.ts", 3, "gpt-4o")]),
      resolvedModel("gpt-4o-2024-08-06", [ts("src/extract.ts", 12, "gpt-4o-2024-08-06")]),
    ];
    const result = assess({ models, providers: [], dynamic: [] }, db, { asOf });
    expect(result.concentration).toEqual({ hosts: { "api.openai.com": 1 }, vendors: { openai: 1 }, hhi: { hosts: 1, vendors: 1 } });
    const project = result.findings.filter((f) => ["single-vendor", "host-concentration", "vendor-concentration"].includes(f.rule));
    expect(project.map((f) => [f.rule, f.file, f.line])).toEqual([
      ["host-concentration", "src/chat.ts", 8],
      ["single-vendor", "src/chat.ts", 8],
    ]);
    expect(project[1]!.message).toMatch(/^all 3 API model references \(2 models\) depend on openai with no fallback provider/);
    expect(project[0]!.message).toMatch(/^100% of model references resolve to api\.openai\.com \(HHI 1\)/);
    // worst model gpt-4o (25), the snapshot adds 12 (license 0.2 × 0.6), concentration 1.0:
    // 100 × (1 − 0.75 × (1 − 0.3 × 0.12) × (1 − 0.15 × 1)) = 38.5 → 39
    expect(result.models.map((m) => m.score)).toEqual([25, 12]);
    expect(result.summary).toEqual({ score: 39, level: "medium" });
  });

  test("a configured second provider is a fallback: no single-vendor finding", () => {
    const models = [resolvedModel("gpt-4o", [ts("src/chat.ts", 8, "gpt-4o")])];
    const providers: ReportProvider[] = [{ id: "anthropic", known: true, references: [{ ...ref("package.json", 9, "@anthropic-ai/sdk"), detector: "npm", via: "@anthropic-ai/sdk" }] }];
    const result = assess({ models, providers, dynamic: [] }, db, { asOf });
    expect(result.findings.map((f) => f.rule)).not.toContain("single-vendor");
  });

  test("83% of references on one host", () => {
    const hub = (id: string, n: number) => resolvedModel(id, Array.from({ length: n }, (_, i) => ref(`m/${id.split("/")[1]}.py`, i + 1, id)));
    const models = [hub("Qwen/Qwen2.5-7B-Instruct", 3), hub("meta-llama/Llama-3.1-8B-Instruct", 2), resolvedModel("gpt-4o-2024-08-06", [ts("a.ts", 1, "gpt-4o-2024-08-06")])];
    const result = assess({ models, providers: [], dynamic: [] }, db, { asOf });
    expect(result.concentration.hosts).toEqual({ "api.openai.com": 0.1667, "huggingface.co": 0.8333 });
    expect(result.concentration.vendors).toEqual({ "meta-llama": 0.3333, openai: 0.1667, qwen: 0.5 });
    expect(result.concentration.hhi).toEqual({ hosts: 0.7222, vendors: 0.3889 });
    const host = result.findings.find((f) => f.rule === "host-concentration")!;
    expect(host.message).toMatch(/^83% of model references resolve to huggingface\.co \(HHI 0\.7222\)/);
    expect(host.file).toBe("m/Llama-3.1-8B-Instruct.py");
    expect(result.findings.some((f) => f.rule === "vendor-concentration")).toBe(false);
  });

  test("a dynamic reference is one finding each; no models scores 0", () => {
    const dynamic = [ref("src/a.ts", 4, "process.env.MODEL", { dynamic: true, via: "chat.completions.create" }), ref("src/b.ts", 2, "opts.model", { dynamic: true })];
    const result = assess({ models: [], providers: [], dynamic }, db, { asOf });
    expect(result.findings.map((f) => [f.rule, f.file, f.line])).toEqual([["dynamic-model-reference", "src/a.ts", 4], ["dynamic-model-reference", "src/b.ts", 2]]);
    expect(result.summary).toEqual({ score: 0, level: "none" });
  });

  test("providers: a code call with no declared SDK, and an SDK dependency nothing uses", () => {
    const models = [resolvedModel("claude-3-5-haiku-20241022", [ts("src/bot.ts", 5, "claude-3-5-haiku-20241022")])];
    const providers: ReportProvider[] = [
      { id: "openai", known: true, references: [{ ...ref("package.json", 12, "openai"), detector: "npm", via: "openai", dependency: { ecosystem: "npm", name: "openai", direct: true } }] },
    ];
    const result = assess({ models, providers, dynamic: [] }, db, { asOf });
    const rules = result.findings.map((f) => [f.rule, f.file, f.line, f.provider]);
    expect(rules).toContainEqual(["unused-provider-dependency", "package.json", 12, "openai"]);
    expect(rules).toContainEqual(["undeclared-provider", "src/bot.ts", 5, "anthropic"]);
  });
});
