import { beforeAll, describe, expect, it } from "vitest";
import { lifecycleAt, resolveMentions } from "../src/resolve/resolve.js";
import { loadRules } from "../src/rules/load.js";
import type { RulesDb } from "../src/rules/types.js";
import type { ModelMention } from "../src/types.js";

let db: RulesDb;
beforeAll(async () => {
  db = await loadRules();
});

function mention(value: string, at: Partial<ModelMention> = {}): ModelMention {
  const column = at.column ?? 10;
  return {
    kind: "model", value, text: value, detector: "python", evidence: "model-position",
    file: "app.py", line: 1, column, endLine: 1, endColumn: column + value.length, ...at,
  };
}

describe("resolveMentions", () => {
  it("drops a literal the database does not know but keeps an unknown id in a model position", () => {
    const { models } = resolveMentions(
      [mention("acme/private-model"), mention("not-a-model-at-all", { evidence: "literal", line: 2 })],
      db, "2026-11-28",
    );
    expect(models.map((m) => [m.id, m.known])).toEqual([["acme/private-model", false]]);
  });

  it("groups hub ids case-insensitively and keeps API ids exact", () => {
    const { models } = resolveMentions(
      [mention("Qwen/Qwen2.5-7B-Instruct"), mention("qwen/qwen2.5-7b-instruct", { line: 2 }), mention("gpt-4o", { line: 3 })],
      db, "2026-11-28",
    );
    expect(models.map((m) => [m.id, m.references.length])).toEqual([["Qwen/Qwen2.5-7B-Instruct", 2], ["gpt-4o", 1]]);
  });

  it("keeps one mention where spans overlap, preferring the model position over a bare literal", () => {
    const routed = mention("gemini/gemini-1.5-flash", { evidence: "literal", column: 16 });
    const inner = mention("gemini-1.5-flash", { column: 23, via: "acompletion" });
    const { models } = resolveMentions([routed, inner], db, "2026-11-28");
    expect(models.map((m) => [m.id, m.references[0]!.column])).toEqual([["gemini-1.5-flash", 23]]);
  });

  it("puts unreadable model positions aside as dynamic references", () => {
    const { models, dynamic } = resolveMentions([mention("args.model", { dynamic: true })], db, "2026-11-28");
    expect(models).toEqual([]);
    expect(dynamic.map((d) => d.text)).toEqual(["args.model"]);
  });

  it("attaches license, lifecycle and incidents from the database", () => {
    const { models } = resolveMentions([mention("runwayml/stable-diffusion-v1-5")], db, "2026-11-28");
    expect(models[0]).toMatchObject({ known: true, provider: "huggingface", kind: "weights", licenseClass: "restricted-commercial" });
    expect(models[0]!.incidents.length).toBeGreaterThan(0);
    expect(models[0]!.sources.every((s) => s.startsWith("https://"))).toBe(true);
  });
});

describe("lifecycleAt", () => {
  const rule = { deprecated: "2025-01-01", retires: "2025-06-01", replacement: "b", sources: ["https://example.com"] };
  it.each([
    ["2024-12-31", "retiring"],
    ["2025-05-31", "retiring"],
    ["2025-06-01", "retired"],
  ])("on %s the model is %s", (asOf, status) => {
    expect(lifecycleAt(rule, asOf).status).toBe(status);
  });
  it("is deprecated once announced when no shutdown date is known", () => {
    expect(lifecycleAt({ deprecated: "2025-01-01", sources: [] }, "2025-02-01").status).toBe("deprecated");
    expect(lifecycleAt({ deprecated: "2025-01-01", sources: [] }, "2024-02-01").status).toBe("active");
  });
});
