import { compareLocations } from "../resolve/order.js";
import type { RulesDb } from "../rules/types.js";
import { FACTORS, type Factor, type ReportModel } from "../types.js";
import { FACTOR_FUNCTIONS } from "./factors.js";
import { levelFor, scoringParams } from "./params.js";
import { scoreFactors } from "./score.js";

/**
 * Scores every model: each applicable factor (also those at 0, so `explain` can say why a
 * factor did not count) with its weight from scoring.yaml, the compound score and its level.
 * Pure: returns new model objects, in the order given.
 */
export function assessModels(models: readonly ReportModel[], db: RulesDb, options: { asOf: string }): ReportModel[] {
  const params = scoringParams(db);
  return models.map((given) => {
    // References in report order, so reasons that list places never depend on detector order.
    const model = { ...given, references: [...given.references].sort(compareLocations) };
    const rule = model.known ? db.lookupModel(model.canonical ?? model.id) ?? db.lookupModel(model.id) : undefined;
    const factors: Factor[] = [];
    for (const name of FACTORS) {
      const draft = FACTOR_FUNCTIONS[name]({ model, rule, db, params, asOf: options.asOf });
      if (!draft) continue;
      factors.push({
        name,
        score: round(draft.score),
        weight: db.scoring.weights[name],
        reason: draft.reason,
        sources: [...new Set(draft.sources)].sort(),
      });
    }
    const score = scoreFactors(factors);
    return { ...model, score, level: levelFor(score, db), factors };
  });
}

/** Four decimals are plenty for a severity and keep JSON output stable across platforms. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
