import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import type { Location, Span } from "../../types.js";
import type { MentionCollector, ModelFields } from "./collector.js";

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

/** A model found at `node`: its span (inside the quotes for a string) goes to the collector. */
export function addModel(out: MentionCollector, file: string, node: ts.Node, fields: ModelFields, usedAt?: Location): void {
  const { start: _s, end: _e, ...span } = spanOf(node, true);
  out.addModelAt(file, span, fields, usedAt ? [usedAt] : []);
}
