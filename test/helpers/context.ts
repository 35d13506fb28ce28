import type { DetectContext, Skipped } from "../../src/types.js";

/** A detect context for unit tests: a fixed set of known model ids and provider names. */
export function makeContext(
  known: readonly string[] = [],
  providers: Record<string, string> = {},
): DetectContext & { skipped: Skipped[] } {
  const knownSet = new Set(known);
  const skipped: Skipped[] = [];
  return {
    skipped,
    isKnownModel: (value) => knownSet.has(value),
    providerFor: (kind, name) => providers[`${kind}:${name}`],
    skip: (file, reason) => void skipped.push({ file, reason }),
  };
}
