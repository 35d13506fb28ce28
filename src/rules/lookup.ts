/**
 * Model lookup: exact ids through two maps built once, patterns only after a miss, routing
 * prefixes (`openai/gpt-4o`, `anthropic.claude-…-v1:0`, `publishers/google/models/…`) stripped last.
 * Every answer is memoized because detectors ask about every string literal they see.
 */
import type { ModelRule, ProviderRule } from "./types.js";

const MAX_ID_LENGTH = 256;
const MAX_MEMO = 50_000;
const MAX_STRIP_DEPTH = 3;

/** Rewrites that do not belong to one provider entry: cloud-specific id shapes. */
const GENERIC_REWRITES: readonly ((id: string) => string | undefined)[] = [
  // Vertex AI resource names: projects/p/locations/l/publishers/google/models/gemini-1.5-pro
  (id) => /^(?:projects\/[^/]+\/locations\/[^/]+\/)?publishers\/[^/]+\/models\/([^/:]+)/.exec(id)?.[1],
  // Bedrock cross-region inference profiles: us.anthropic.claude-…, global.anthropic.claude-…
  (id) => /^(?:us|eu|apac|au|jp|ca|us-gov|global)\.([a-z0-9-]+\..+)$/.exec(id)?.[1],
  // Bedrock model versions: anthropic.claude-3-haiku-20240307-v1:0 → claude-3-haiku-20240307
  (id) => /^[a-z0-9-]+\.(.+?)-v\d+(?::\d+)?$/.exec(id)?.[1],
  // Vertex partner models: claude-3-5-haiku@20241022 → claude-3-5-haiku-20241022
  (id) => /^(claude-[a-z0-9.-]+)@(\d{8})$/.exec(id)?.slice(1).join("-"),
];

export interface ModelIndex {
  lookup(id: string): ModelRule | undefined;
}

export function buildModelIndex(models: readonly ModelRule[], providers: readonly ProviderRule[]): ModelIndex {
  const exact = new Map<string, ModelRule>();
  const folded = new Map<string, ModelRule>();
  for (const model of models) {
    for (const id of model.ids) {
      exact.set(id, model);
      // Hub ids (`org/name`) compare case-insensitively whatever the entry says: the Hub does.
      if (model.caseInsensitive || id.includes("/")) folded.set(id.toLowerCase(), model);
    }
  }
  const patterns = models
    .filter((m): m is ModelRule & { pattern: RegExp } => m.pattern !== undefined)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || b.pattern.source.length - a.pattern.source.length || (a.id < b.id ? -1 : 1));
  const prefixes = providers
    .flatMap((p) => p.prefixes ?? [])
    .sort((a, b) => b.length - a.length);
  const memo = new Map<string, ModelRule | null>();

  const direct = (id: string): ModelRule | undefined => {
    const hit = exact.get(id) ?? folded.get(id.toLowerCase());
    if (hit) return hit;
    return patterns.find((m) => m.pattern.test(id));
  };

  const resolve = (id: string, depth: number): ModelRule | undefined => {
    const hit = direct(id);
    if (hit || depth >= MAX_STRIP_DEPTH) return hit;
    for (const candidate of strippedCandidates(id, prefixes)) {
      const found = resolve(candidate, depth + 1);
      if (found) return found;
    }
    return undefined;
  };

  return {
    lookup(id) {
      if (id.length === 0 || id.length > MAX_ID_LENGTH || /\s/.test(id)) return undefined;
      const cached = memo.get(id);
      if (cached !== undefined) return cached ?? undefined;
      const found = resolve(id, 0);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(id, found ?? null);
      return found;
    },
  };
}

function strippedCandidates(id: string, prefixes: readonly string[]): string[] {
  const out: string[] = [];
  const lower = id.toLowerCase();
  for (const prefix of prefixes) {
    if (lower.startsWith(prefix.toLowerCase()) && id.length > prefix.length) out.push(id.slice(prefix.length));
  }
  for (const rewrite of GENERIC_REWRITES) {
    const next = rewrite(id);
    if (next && next !== id) out.push(next);
  }
  return out;
}
