import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { assess } from "../src/assess/index.js";
import { attributePoints, scoreFactors } from "../src/assess/score.js";
import { projectScore } from "../src/assess/project.js";
import { FACTORS, type Factor } from "../src/types.js";
import { makeDb, ref, resolvedModel } from "./assess-db.js";

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const factorsArb = fc.uniqueArray(fc.record({ name: fc.constantFrom(...FACTORS), score: unit, weight: unit }), {
  selector: (f) => f.name,
  maxLength: FACTORS.length,
});

describe("score properties", () => {
  test("bounded in [0,100] and an integer", () => {
    fc.assert(fc.property(factorsArb, (factors) => {
      const s = scoreFactors(factors);
      return Number.isInteger(s) && s >= 0 && s <= 100;
    }));
  });

  test("monotonic: raising any factor's value or weight never lowers the score", () => {
    fc.assert(fc.property(factorsArb, fc.nat(), unit, fc.boolean(), (factors, pick, bump, onWeight) => {
      fc.pre(factors.length > 0);
      const i = pick % factors.length;
      const raised = factors.map((f, j): typeof f => {
        if (j !== i) return f;
        return onWeight ? { ...f, weight: Math.max(f.weight, bump) } : { ...f, score: Math.max(f.score, bump) };
      });
      return scoreFactors(raised) >= scoreFactors(factors);
    }));
  });

  test("adding a factor never lowers the score", () => {
    fc.assert(fc.property(factorsArb, (factors) => {
      fc.pre(factors.length > 0);
      return scoreFactors(factors) >= scoreFactors(factors.slice(1));
    }));
  });

  test("independent of factor order, and the points add up to the score", () => {
    fc.assert(fc.property(factorsArb, fc.nat(), (factors, seed) => {
      const shuffled = [...factors].sort((a, b) => ((a.name.length * 31 + seed) % 7) - ((b.name.length * 31 + seed) % 7));
      const points = attributePoints(factors as Factor[]);
      return scoreFactors(shuffled) === scoreFactors(factors) && points.reduce((a, b) => a + b, 0) === scoreFactors(factors);
    }));
  });

  test("project score is bounded and monotonic in every model score", () => {
    const scores = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 8 });
    fc.assert(fc.property(scores, fc.nat(), fc.integer({ min: 0, max: 100 }), unit, (list, pick, bump, hhi) => {
      const c = { hosts: {}, vendors: {}, hhi: { hosts: hhi, vendors: 0 } };
      const w = { spreadWeight: 0.3, concentrationWeight: 0.15 };
      const base = projectScore(list.map((score) => ({ score })), c, w);
      const i = pick % list.length;
      const raised = projectScore(list.map((score, j) => ({ score: j === i ? Math.max(score, bump) : score })), c, w);
      return base >= 0 && base <= 100 && raised >= base && base >= Math.max(...list);
    }));
  });
});

describe("independent of model and reference order", () => {
  const db = makeDb();
  const models = [
    resolvedModel("text-davinci-003", [ref("src/a.ts", 3, "text-davinci-003", { detector: "typescript", via: "completions.create" })]),
    resolvedModel("runwayml/stable-diffusion-v1-5", [ref("gen.py", 12, "runwayml/stable-diffusion-v1-5"), ref("app/gen.py", 2, "runwayml/stable-diffusion-v1-5")]),
    resolvedModel("meta-llama/Llama-3.1-8B-Instruct", [ref("llm.py", 5, "meta-llama/Llama-3.1-8B-Instruct")]),
    resolvedModel("gpt-4o", [ref("src/b.ts", 9, "gpt-4o", { detector: "typescript", via: "chat.completions.create" })]),
  ];
  const strip = (r: ReturnType<typeof assess>) => ({
    findings: r.findings,
    summary: r.summary,
    concentration: r.concentration,
    models: [...r.models].sort((a, b) => (a.id < b.id ? -1 : 1)).map((m) => [m.id, m.score, m.factors]),
  });
  test("permutations of models and references give the same findings, scores and concentration", () => {
    const expected = strip(assess({ models, providers: [], dynamic: [] }, db, { asOf: "2026-11-28" }));
    fc.assert(fc.property(fc.shuffledSubarray(models, { minLength: models.length, maxLength: models.length }), (order) => {
      const shuffled = order.map((m) => ({ ...m, references: [...m.references].reverse() }));
      expect(strip(assess({ models: shuffled, providers: [], dynamic: [] }, db, { asOf: "2026-11-28" }))).toEqual(expected);
    }), { numRuns: 30 });
  });
});
