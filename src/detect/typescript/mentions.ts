import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import type { Location, Mention, ModelMention, ProviderMention, Span } from "../../types.js";

const MAX_DYNAMIC_TEXT = 80;

/** The span of a node; for a string literal, the characters inside the quotes. */
export function spanOf(node: ts.Node, inner: boolean): Span & { start: number; end: number } {
  const sf = node.getSourceFile();
  const quoted = inner && tsApi.isStringLiteralLike(node);
  const start = node.getStart(sf) + (quoted ? 1 : 0);
  const end = node.getEnd() - (quoted ? 1 : 0);
  const a = sf.getLineAndCharacterOfPosition(start);
  const b = sf.getLineAndCharacterOfPosition(end);
  return { start, end, line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}

export function locationOf(node: ts.Node, file: string): Location {
  const { line, column, endLine, endColumn } = spanOf(node, true);
  return { file, line, column, endLine, endColumn };
}

/** Expression text as one short line, for dynamic references. */
export function expressionText(node: ts.Node): string {
  const text = node.getText().replace(/\s+/g, " ").trim();
  return text.length > MAX_DYNAMIC_TEXT ? `${text.slice(0, MAX_DYNAMIC_TEXT - 1)}…` : text;
}

type ModelFields = Omit<ModelMention, "kind" | "detector" | keyof Location | "usedAt">;

/**
 * Gathers mentions so that each place in a file is reported once: a literal reached from ten
 * calls is one reference with ten `usedAt` entries, and a model position outranks a bare literal.
 */
export class MentionCollector {
  private readonly models = new Map<string, ModelMention>();
  private readonly taken = new Set<string>();
  private readonly providers: ProviderMention[] = [];

  addModel(file: string, node: ts.Node, fields: ModelFields, usedAt?: Location): void {
    const span = spanOf(node, true);
    const place = `${file}\u0000${span.start}\u0000${span.end}`;
    const key = `${place}\u0000${fields.value}`;
    this.taken.add(place);
    const existing = this.models.get(key);
    if (existing) {
      if (usedAt) addUse(existing, usedAt);
      return;
    }
    const { start: _s, end: _e, ...location } = span;
    const mention: ModelMention = { kind: "model", file, ...location, detector: "typescript", ...fields };
    if (usedAt) addUse(mention, usedAt);
    this.models.set(key, mention);
  }

  /** Adds a lower-evidence mention only where no model position was already found. */
  addIfFree(file: string, node: ts.Node, fields: ModelFields, span?: Span & { start: number; end: number }): void {
    const s = span ?? spanOf(node, true);
    const place = `${file}\u0000${s.start}\u0000${s.end}`;
    if (this.taken.has(place)) return;
    this.taken.add(place);
    const { start: _s, end: _e, ...location } = s;
    this.models.set(`${place}\u0000${fields.value}`, { kind: "model", file, ...location, detector: "typescript", ...fields });
  }

  addProvider(mention: ProviderMention): void {
    this.providers.push(mention);
  }

  all(): Mention[] {
    for (const m of this.models.values()) m.usedAt?.sort(compareLocation);
    return [...this.models.values(), ...this.providers].sort(
      (a, b) => compareLocation(a, b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  }
}

function addUse(mention: ModelMention, use: Location): void {
  const uses = (mention.usedAt ??= []);
  if (!uses.some((u) => compareLocation(u, use) === 0 && u.endLine === use.endLine && u.endColumn === use.endColumn)) uses.push(use);
}

function compareLocation(a: Location, b: Location): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
