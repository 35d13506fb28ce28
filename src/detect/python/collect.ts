/** Gathers mentions for one file: one model mention per location, merging the places that use it. */
import type { DetectorName, Evidence, Location, Mention, ModelMention } from "../../types.js";
import { buildLineTable, positionAt, type LineTable } from "./positions.js";

export interface ModelExtra {
  dynamic?: boolean;
  providerHint?: string;
  via?: string;
  revision?: string;
  /** Offsets of the call argument that uses a value defined elsewhere. */
  usedAt?: { from: number; to: number };
}

const STRENGTH: Record<Evidence, number> = { "model-position": 3, url: 2, literal: 1 };

export class MentionSink {
  private readonly table: LineTable;
  private readonly models = new Map<string, ModelMention>();
  private readonly providers = new Map<string, Mention>();

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

  model(from: number, to: number, value: string, evidence: Evidence, extra: ModelExtra = {}): void {
    const key = `${from}:${to}`;
    const existing = this.models.get(key);
    const usedAt = extra.usedAt ? [this.locate(extra.usedAt.from, extra.usedAt.to)] : undefined;
    if (existing && STRENGTH[existing.evidence] >= STRENGTH[evidence]) {
      if (usedAt) existing.usedAt = mergeLocations(existing.usedAt, usedAt);
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
    return [...this.models.values(), ...this.providers.values()].sort(compareLocations);
  }

  private locate(from: number, to: number): Location {
    const start = positionAt(this.table, from);
    const end = positionAt(this.table, to);
    return { file: this.path, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}

function mergeLocations(a: Location[] | undefined, b: Location[]): Location[] {
  const all = [...(a ?? []), ...b];
  const seen = new Set<string>();
  return all.filter((l) => !seen.has(`${l.line}:${l.column}`) && seen.add(`${l.line}:${l.column}`)).sort(compareLocations);
}

export function compareLocations(a: Location, b: Location): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || a.endLine - b.endLine || a.endColumn - b.endColumn;
}
