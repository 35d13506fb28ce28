import type { DetectorName, Evidence, ModelMention } from "../../types.js";
import { createLocator } from "./positions.js";

/** A model mention before positions are computed: offsets into the file text. */
export interface Hit {
  start: number;
  end: number;
  value: string;
  evidence: Evidence;
  via?: string;
  dynamic?: boolean;
  providerHint?: string;
  revision?: string;
  /** Offsets where a variable holding this value is used at a model position. */
  usedAt?: { start: number; end: number }[];
}

/** Offsets → spans, one mention per place and value, in file order. */
export function hitsToMentions(file: string, text: string, hits: readonly Hit[], detector: DetectorName): ModelMention[] {
  const locate = createLocator(text);
  const seen = new Set<string>();
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end || (a.value < b.value ? -1 : 1));
  const out: ModelMention[] = [];
  for (const hit of sorted) {
    const key = `${hit.start}:${hit.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const mention: ModelMention = {
      kind: "model",
      file,
      ...locate(hit.start, hit.end),
      value: hit.value,
      text: text.slice(hit.start, hit.end),
      detector,
      evidence: hit.evidence,
    };
    if (hit.dynamic) mention.dynamic = true;
    if (hit.providerHint) mention.providerHint = hit.providerHint;
    if (hit.via) mention.via = hit.via;
    if (hit.revision) mention.revision = hit.revision;
    if (hit.usedAt?.length) {
      const uses = [...hit.usedAt].sort((a, b) => a.start - b.start).filter((u, i, all) => i === 0 || all[i - 1]!.start !== u.start);
      mention.usedAt = uses.map((u) => ({ file, ...locate(u.start, u.end) }));
    }
    out.push(mention);
  }
  return out;
}

/**
 * Places a part found inside a decoded value back into the raw text. When decoding changed the length
 * (escapes), offsets inside cannot be trusted and the whole raw range stands for the value.
 */
export function placePart(
  range: { start: number; end: number },
  decodedLength: number,
  part: { offset: number; length: number },
): { start: number; end: number } {
  if (range.end - range.start !== decodedLength) return range;
  return { start: range.start + part.offset, end: range.start + part.offset + part.length };
}
