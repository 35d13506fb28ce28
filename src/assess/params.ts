/**
 * The tunable numbers of the risk model, read from `params:` in rules/scoring.yaml, where each
 * is a flat dotted key (`retirement.soonDays`) with its value and a doc line, so an overlay can
 * change one number. Validated here (the loader keeps `params` free-form) so a typo in a user's
 * overlay is one clear error instead of a silent NaN in every score.
 */
import type { RulesDb } from "../rules/types.js";
import { LEVELS, type Level } from "../types.js";
import type { ScoringParams } from "../rules/scoring-params.js";

export type { ScoringParams };

/** The engine's parameters, validated when the rules were compiled. */
export function scoringParams(db: RulesDb): ScoringParams {
  return db.scoring.resolved;
}

/** The level a 0–100 score falls in, by the lower bounds in scoring.yaml. */
export function levelFor(score: number, db: RulesDb): Level {
  let level: Level = "none";
  for (const name of LEVELS) {
    if (name !== "none" && score >= db.scoring.levels[name]) level = name;
  }
  return level;
}

export function isLevel(value: string): value is Level {
  return (LEVELS as readonly string[]).includes(value);
}
