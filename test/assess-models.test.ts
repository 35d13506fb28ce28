import { resolveScoringParams } from "../src/rules/scoring-params.js";
import { describe, expect, test } from "vitest";
import { assessModels } from "../src/assess/models.js";
import { modelFindings } from "../src/assess/findings.js";
import { makeDb, ref, resolvedModel } from "./assess-db.js";

const asOf = "2026-11-28";
const db = makeDb();
const one = (id: string, refs = [ref("src/app.py", 4, id)]) => assessModels([resolvedModel(id, refs)], db, { asOf })[0]!;
const factorsOf = (m: ReturnType<typeof one>) => Object.fromEntries((m.factors ?? []).map((f) => [f.name, f.score]));

describe("model scores", () => {
  test("a retired OpenAI model is critical and names its replacement", () => {
    const m = one("text-davinci-003", [ref("src/a.ts", 3, "text-davinci-003", { detector: "typescript", via: "completions.create" })]);
    expect(factorsOf(m)).toEqual({ license: 0.2, retirement: 1, pinning: 0 });
    expect(m.score).toBe(91);
    expect(m.level).toBe("critical");
    const retirement = m.factors!.find((f) => f.name === "retirement")!;
    expect(retirement.reason).toBe("retired on 2024-01-04; replacement: gpt-3.5-turbo-instruct");
    expect(retirement.sources).toEqual(["https://platform.openai.com/docs/deprecations"]);
    const findings = modelFindings(m, db, asOf);
    expect(findings.map((f) => f.rule)).toEqual(["retired-model"]);
    expect(findings[0]).toMatchObject({ file: "src/a.ts", line: 3, level: "critical", fix: "switch to gpt-3.5-turbo-instruct" });
    expect(findings[0]!.message).toContain("text-davinci-003 (model score 91, critical)");
  });

  test("the same model before its shutdown is retiring, and within 90 days scores higher than later", () => {
    const soon = assessModels([resolvedModel("text-davinci-003", [ref("a.ts", 1, "x")])], db, { asOf: "2023-12-01" })[0]!;
    const later = assessModels([resolvedModel("text-davinci-003", [ref("a.ts", 1, "x")])], db, { asOf: "2023-08-01" })[0]!;
    expect(factorsOf(soon).retirement).toBe(0.8);
    expect(factorsOf(later).retirement).toBe(0.5);
    expect(soon.score!).toBeGreaterThan(later.score!);
    expect(modelFindings(soon, db, "2023-12-01").map((f) => f.rule)).toEqual(["retiring-model"]);
  });

  test("runwayml/stable-diffusion-v1-5: removed, never restored, only unofficial mirrors", () => {
    const m = one("runwayml/stable-diffusion-v1-5");
    expect(factorsOf(m)).toEqual({ license: 0.5, takedown: 1, availability: 0.9, pinning: 0.6 });
    expect(m.score).toBe(91);
    const availability = m.factors!.find((f) => f.name === "availability")!;
    expect(availability.reason).toContain("only unofficial mirrors remain");
    expect(availability.reason).toContain("stable-diffusion-v1-5/stable-diffusion-v1-5");
    expect(modelFindings(m, db, asOf).map((f) => f.rule)).toEqual([
      "restricted-license", "takedown-history", "single-host", "unpinned-revision",
    ]);
  });

  test("a Qwen model under the Tongyi Qianwen licence counts its user cap and output-training ban", () => {
    const m = one("Qwen/Qwen1.5-7B-Chat", [ref("chat.py", 5, "Qwen/Qwen1.5-7B-Chat", { revision: "a".repeat(40) })]);
    expect(factorsOf(m)).toEqual({ license: 0.7, availability: 0, pinning: 0 });
    expect(m.score).toBe(42);
    expect(m.level).toBe("medium");
    expect(m.factors![0]!.reason).toContain("100,000,000 monthly-active-user cap and a ban on using outputs");
  });

  test("a Llama model: restricted licence, one host, unpinned", () => {
    const m = one("meta-llama/Llama-3.1-8B-Instruct");
    expect(factorsOf(m)).toEqual({ license: 0.6, availability: 0.4, pinning: 0.6 });
    expect(m.score).toBe(58);
    expect(m.level).toBe("high");
  });

  test("pinning: a 40-hex revision on every reference scores 0, a branch name or a missing one does not", () => {
    const id = "Qwen/Qwen2.5-7B-Instruct";
    const pinned = one(id, [ref("a.py", 1, id, { revision: "0123456789abcdef0123456789abcdef01234567" })]);
    const branch = one(id, [ref("a.py", 1, id, { revision: "main" })]);
    const mixed = one(id, [ref("a.py", 1, id, { revision: "0123456789abcdef0123456789abcdef01234567" }), ref("b.py", 2, id)]);
    expect(pinned.score).toBe(0);
    expect(pinned.level).toBe("none");
    expect(factorsOf(branch).pinning).toBe(0.6);
    expect(branch.score).toBe(18);
    const findings = modelFindings(mixed, db, asOf);
    expect(findings.map((f) => [f.rule, f.file])).toEqual([["unpinned-revision", "b.py"]]);
  });

  test("an unknown model is reported as unknown, with no guessed licence", () => {
    const m = one("acme/secret-model");
    expect(factorsOf(m)).toEqual({ availability: 0.4, pinning: 0.6, unknown: 1 });
    expect(m.score).toBe(67);
    expect(modelFindings(m, db, asOf).map((f) => f.rule)).toEqual(["single-host", "unpinned-revision", "unknown-model"]);
  });

  test("an API alias with a dated snapshot floats; the snapshot does not", () => {
    const alias = one("gpt-4o");
    const snapshot = one("gpt-4o-2024-08-06");
    expect(factorsOf(alias).pinning).toBe(0.5);
    expect(alias.factors!.find((f) => f.name === "pinning")!.reason).toContain("gpt-4o-2024-08-06");
    expect(factorsOf(snapshot).pinning).toBe(0);
    expect(modelFindings(alias, db, asOf).map((f) => f.rule)).toEqual(["floating-alias"]);
  });

  test("an Ollama tag: none or :latest floats, an explicit tag does not", () => {
    const local = (id: string) => assessModels([{ ...resolvedModel(id, [ref("Dockerfile", 2, id)]), provider: "ollama", kind: "local" }], db, { asOf })[0]!;
    expect(factorsOf(local("llama3.1")).pinning).toBe(0.5);
    expect(factorsOf(local("llama3.1:latest")).pinning).toBe(0.5);
    expect(factorsOf(local("llama3.1:8b")).pinning).toBe(0);
  });

  test("weights come from scoring.yaml, not from code", () => {
    const tuned = makeDb({ ...db.scoring, weights: { ...db.scoring.weights, retirement: 0.5 } });
    const m = assessModels([resolvedModel("text-davinci-003", [ref("a.ts", 1, "x")], tuned)], tuned, { asOf })[0]!;
    expect(m.factors!.find((f) => f.name === "retirement")!.weight).toBe(0.5);
    expect(m.score).toBe(56);
  });

  test("a broken params map is one clear rules error naming the key, found when the rules compile", () => {
    const params = db.scoring.params as Record<string, number>;
    expect(() => resolveScoringParams({ ...params, "pinning.unpinnedRevision": 2 })).toThrow(/^rules\/scoring\.yaml: params: pinning\.unpinnedRevision: Too big/);
    expect(() => resolveScoringParams({ ...params, "pinning.unpined": 0.5 })).toThrow("rules/scoring.yaml: params: pinning.unpined: not a known parameter");
  });
});
