/** Gathers mentions for one file: one model mention per location, merging the places that use it. */
import type { DetectorName, Evidence, Location, Mention, ModelMention } from "../../types.js";
import { buildLineTable, positionAt, type LineTable } from "./positions.js";

export interface ModelExtra {
  dynamic?: boolean;
  providerHint?: string;
  via?: string;
  revision?: string;
  /** The call argument that uses a value defined elsewhere (maybe in another file). */
  usedAt?: Location;
  /** Found by a name or key only (`ROUTER_MODEL =`): dropped when a call reads the same literal more precisely. */
  isFallback?: boolean;
}

const STRENGTH: Record<Evidence, number> = { "model-position": 3, url: 2, literal: 1 };

export class MentionSink {
  private readonly table: LineTable;
  private readonly models = new Map<string, ModelMention>();
  private readonly providers = new Map<string, Mention>();
  private readonly fallbacks = new Set<string>();
  /** The spans of `models`, as numbers: `overlaps` runs for every string literal in a file. */
  private readonly spans = new Map<string, [number, number]>();

  constructor(
    private readonly path: string,
    private readonly text: string,
    private readonly detector: DetectorName = "python",
  ) {
    this.table = buildLineTable(text);
  }

  has(from: number, to: number): boolean {
    return this.models.has(`${from}:${to}`);
  }

  /** Whether a mention already covers part of `from..to`: a prefixed id split at a model position. */
  overlaps(from: number, to: number): boolean {
    for (const [f, t] of this.spans.values()) if (f < to && t > from) return true;
    return false;
  }

  model(from: number, to: number, value: string, evidence: Evidence, extra: ModelExtra = {}): void {
    const key = `${from}:${to}`;
    const existing = this.models.get(key);
    const usedAt = extra.usedAt ? [extra.usedAt] : undefined;
    if (existing && STRENGTH[existing.evidence] >= STRENGTH[evidence]) {
      if (usedAt) existing.usedAt = mergeLocations(existing.usedAt, usedAt);
      if (!extra.isFallback && this.fallbacks.delete(key)) {
        // A call reads what a name-based guess found first: the call's shape says more.
        if (extra.via) existing.via = extra.via;
        if (extra.providerHint) existing.providerHint = extra.providerHint;
      }
      existing.revision ??= extra.revision;
      existing.providerHint ??= extra.providerHint;
      return;
    }
    const mention: ModelMention = {
      kind: "model",
      ...this.locate(from, to),
      value,
      text: this.text.slice(from, to),
      detector: this.detector,
      evidence,
    };
    if (extra.dynamic) mention.dynamic = true;
    if (extra.providerHint) mention.providerHint = extra.providerHint;
    if (extra.via) mention.via = extra.via;
    if (extra.revision) mention.revision = extra.revision;
    if (usedAt) mention.usedAt = usedAt;
    this.models.set(key, mention);
    this.spans.set(key, [from, to]);
    if (extra.isFallback) this.fallbacks.add(key);
    else this.fallbacks.delete(key);
  }

  provider(from: number, to: number, value: string, via: string): void {
    this.providers.set(`${from}:${to}`, {
      kind: "provider",
      ...this.locate(from, to),
      value,
      text: this.text.slice(from, to),
      detector: this.detector,
      via,
    });
  }

  mentions(): Mention[] {
    const spans = [...this.models.keys()].map((k) => k.split(":").map(Number) as [number, number]);
    const models = [...this.models.entries()].filter(([key]) => {
      if (!this.fallbacks.has(key)) return true;
      const [from, to] = key.split(":").map(Number) as [number, number];
      return !spans.some(([f, t]) => `${f}:${t}` !== key && f < to && t > from && !this.fallbacks.has(`${f}:${t}`));
    });
    return [...models.map(([, m]) => m), ...this.providers.values()].sort(compareLocations);
  }

  locate(from: number, to: number): Location {
    const start = positionAt(this.table, from);
    const end = positionAt(this.table, to);
    return { file: this.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

function mergeLocations(a: Location[] | undefined, b: Location[]): Location[] {
  const all = [...(a ?? []), ...b];
  const seen = new Set<string>();
  const key = (l: Location) => `${l.file}:${l.line}:${l.column}`;
  return all.filter((l) => !seen.has(key(l)) && seen.add(key(l))).sort(compareLocations);
}

export function compareLocations(a: Location, b: Location): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}
