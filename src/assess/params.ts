/**
 * The tunable numbers of the risk model, read from `params:` in rules/scoring.yaml, where each
 * is a flat dotted key (`retirement.soonDays`) with its value and a doc line, so an overlay can
 * change one number. Validated here (the loader keeps `params` free-form) so a typo in a user's
 * overlay is one clear error instead of a silent NaN in every score.
 */
import { z } from "zod";
import type { RulesDb } from "../rules/types.js";
import { LEVELS, LICENSE_CLASSES, type Level } from "../types.js";

const unit = z.number().min(0).max(1);
const levelName = z.enum(LEVELS);

const paramsSchema = z.strictObject({
  license: z.strictObject({
    /** Base severity per licence class. */
    classes: z.strictObject(Object.fromEntries(LICENSE_CLASSES.map((c) => [c, unit])) as Record<
      (typeof LICENSE_CLASSES)[number],
      typeof unit
    >),
    /** Added for each restrictive term (user cap, output-training ban), capped at `termsCap`. */
    perTerm: unit,
    termsCap: unit,
  }),
  retirement: z.strictObject({
    retired: unit,
    soonDays: z.number().int().positive(),
    soon: unit,
    later: unit,
    deprecated: unit,
  }),
  takedown: z.strictObject({
    /** Severity per incident kind before recency. */
    kinds: z.record(z.string(), unit),
    /** Age in days after which a restored incident counts half. */
    halfLifeDays: z.number().positive(),
    restored: unit,
    restoredUnknown: unit,
  }),
  availability: z.strictObject({
    singleHost: unit,
    removedOfficialMirror: unit,
    removedUnofficialMirrors: unit,
    removedNoMirror: unit,
  }),
  pinning: z.strictObject({ unpinnedRevision: unit, floatingAlias: unit, floatingTag: unit }),
  unknown: z.strictObject({ model: unit }),
  concentration: z.strictObject({
    /** HHI at or above which host/vendor concentration is a finding. */
    hhiThreshold: unit,
    /** Fewer distinct models than this and concentration is not reported. */
    minModels: z.number().int().positive(),
  }),
  project: z.strictObject({
    /** Weights of the spread of risk over the other models and of concentration. */
    spreadWeight: unit,
    concentrationWeight: unit,
  }),
});

export type ScoringParams = z.infer<typeof paramsSchema>;

export class ScoringParamsError extends Error {
  override name = "RulesError";
}

const cache = new WeakMap<object, ScoringParams>();

/** The validated `params:` map of the database's scoring rules. */
export function scoringParams(db: RulesDb): ScoringParams {
  const cached = cache.get(db.scoring);
  if (cached) return cached;
  const flat: Record<string, unknown> = { ...db.scoring.params };
  // The first scoring.yaml named the retirement window `retiringWindowDays`; keep reading it.
  if ("retiringWindowDays" in flat) {
    flat["retirement.soonDays"] ??= flat["retiringWindowDays"];
    delete flat["retiringWindowDays"];
  }
  const result = paramsSchema.safeParse(unflatten(flat));
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...issue.path, k].join(".")).join(", ") : undefined;
    const where = keys ?? issue.path.map(String).join(".");
    throw new ScoringParamsError(`rules/scoring.yaml: params: ${where}: ${keys ? "not a known parameter" : issue.message}`);
  }
  cache.set(db.scoring, result.data);
  return result.data;
}

/** `{ "a.b": 1 }` → `{ a: { b: 1 } }`. */
function unflatten(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(flat).sort()) {
    const parts = key.split(".");
    let node = out;
    for (const part of parts.slice(0, -1)) {
      const next = node[part];
      node = (node[part] = typeof next === "object" && next !== null ? next : {}) as Record<string, unknown>;
    }
    node[parts[parts.length - 1]!] = flat[key];
  }
  return out;
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
  return (levelName.options as readonly string[]).includes(value);
}
