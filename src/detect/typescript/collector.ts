/**
 * What the TypeScript pass collects, as plain data: no syntax tree, no compiler. The main thread
 * merges what worker threads found without loading TypeScript itself.
 */
import type { Location, Mention, ModelMention, ProviderMention, Span } from "../../types.js";

export type ModelFields = Omit<ModelMention, "kind" | "detector" | keyof Location | "usedAt">;

/** A literal that names a model by itself, kept as plain data so its syntax tree can be freed. */
export interface LiteralCandidate {
  file: string;
  span: Span;
  fields: ModelFields;
}

/** What one pass over some of the files found; parts from several workers merge into one answer. */
export interface TypescriptPart {
  models: ModelMention[];
  literals: LiteralCandidate[];
  providers: ProviderMention[];
}

const placeOf = (file: string, s: Span): string => `${file}\u0000${s.line}\u0000${s.column}\u0000${s.endLine}\u0000${s.endColumn}`;

/**
 * Gathers mentions so that each place in a file is reported once: a literal reached from ten
 * calls is one reference with ten `usedAt` entries, and a model position outranks a bare literal.
 */
export class MentionCollector {
  private readonly models = new Map<string, ModelMention>();
  private readonly taken = new Set<string>();
  private readonly literals: LiteralCandidate[] = [];
  private readonly providers: ProviderMention[] = [];

  addModelAt(file: string, span: Span, fields: ModelFields, usedAt: readonly Location[]): void {
    const place = placeOf(file, span);
    const key = `${place}\u0000${fields.value}`;
    this.taken.add(place);
    let mention = this.models.get(key);
    if (!mention) {
      mention = { kind: "model", file, ...span, detector: "typescript", ...fields };
      this.models.set(key, mention);
    }
    for (const use of usedAt) addUse(mention, use);
  }

  /** A literal that counts only where no model position claims the same place (decided at the end). */
  addLiteral(candidate: LiteralCandidate): void {
    this.literals.push(candidate);
  }

  addProvider(mention: ProviderMention): void {
    this.providers.push(mention);
  }

  /** Literals and imports another collector found (the token scan of one file). */
  absorb(part: TypescriptPart): void {
    for (const m of part.models) this.addModelAt(m.file, placeSpan(m), fieldsOf(m), m.usedAt ?? []);
    this.literals.push(...part.literals);
    this.providers.push(...part.providers);
  }

  part(): TypescriptPart {
    return { models: [...this.models.values()], literals: this.literals, providers: this.providers };
  }

  /** Model positions from every part first, so a literal another part used as a model keeps that role. */
  static merge(parts: readonly TypescriptPart[]): Mention[] {
    const out = new MentionCollector();
    for (const part of parts) {
      for (const m of part.models) out.addModelAt(m.file, placeSpan(m), fieldsOf(m), m.usedAt ?? []);
    }
    for (const part of parts) {
      for (const { file, span, fields } of part.literals) {
        const place = placeOf(file, span);
        if (out.taken.has(place)) continue;
        out.taken.add(place);
        out.models.set(`${place}\u0000${fields.value}`, { kind: "model", file, ...span, detector: "typescript", ...fields });
      }
      out.providers.push(...part.providers);
    }
    for (const m of out.models.values()) m.usedAt?.sort(compareLocation);
    return [...out.models.values(), ...out.providers].sort(
      (a, b) => compareLocation(a, b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0),
    );
  }
}

const placeSpan = ({ line, column, endLine, endColumn }: Span): Span => ({ line, column, endLine, endColumn });

function fieldsOf(m: ModelMention): ModelFields {
  const { kind: _k, detector: _d, file: _f, line: _l, column: _c, endLine: _el, endColumn: _ec, usedAt: _u, ...fields } = m;
  return fields;
}

function addUse(mention: ModelMention, use: Location): void {
  const uses = (mention.usedAt ??= []);
  if (!uses.some((u) => compareLocation(u, use) === 0 && u.endLine === use.endLine && u.endColumn === use.endColumn)) uses.push(use);
}

function compareLocation(a: Location, b: Location): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}
