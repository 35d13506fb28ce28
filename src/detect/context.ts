import type { RulesDb } from "../rules/types.js";
import type { DetectContext, Skipped } from "../types.js";

/** What detectors may ask of the rules database, and where their skip notes go. */
export function detectContext(db: RulesDb, skipped: Skipped[], root?: string): DetectContext {
  return {
    ...(root ? { root } : {}),
    isKnownModel: (value) => db.lookupModel(value) !== undefined,
    providerFor: (kind, name) => db.providerFor(kind, name),
    skip: (file, reason) => void skipped.push({ file, reason }),
  };
}
