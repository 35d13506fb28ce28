/**
 * The `params:` of rules/scoring.yaml: every knob of the risk engine, checked once when the rules
 * are compiled (so a typo in a parameter is a rules error, and scans never load the schema library).
 */
import { z } from "zod";
import { LEVELS, LICENSE_CLASSES } from "../types.js";
import { RulesError } from "./errors.js";

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

/** Validates the flat `params:` map (`retirement.soonDays: 90`) into the nested, typed parameters. */
export function resolveScoringParams(params: Record<string, unknown> | undefined): ScoringParams {
  const flat: Record<string, unknown> = { ...params };
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
    throw new RulesError(`rules/scoring.yaml: params: ${where}: ${keys ? "not a known parameter" : issue.message}`);
  }
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

