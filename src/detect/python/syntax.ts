/** Small readers over the @lezer/python syntax tree: children, argument lists, dotted callee names. */
import type { SyntaxNode } from "@lezer/common";

export function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.name !== "Comment") out.push(c);
  return out;
}

export interface Args {
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** The keyword name node, for locating `model=` when the value is dynamic. */
  node: SyntaxNode;
}

const PUNCT = new Set(["(", ")", ",", "*", "**"]);

/** Splits an ArgList into positional and keyword arguments; `*args`/`**kw` and generators are dropped. */
export function readArgs(argList: SyntaxNode, text: string): Args {
  const kids = childrenOf(argList);
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  for (let i = 0; i < kids.length; i++) {
    const kid = kids[i]!;
    if (kid.name === "for") break; // `f(x for x in y)`: a generator, not arguments
    if (PUNCT.has(kid.name)) {
      if (kid.name === "*" || kid.name === "**") i++; // skip the unpacked expression
      continue;
    }
    const next = kids[i + 1];
    if (kid.name === "VariableName" && next?.name === "AssignOp") {
      const value = kids[i + 2];
      if (value) keywords.set(text.slice(kid.from, kid.to), value);
      i += 2;
      continue;
    }
    positional.push(kid);
  }
  return { positional, keywords, node: argList };
}

/**
 * The dotted path of a callee: `client.chat.completions.create` → ["client", "chat", "completions", "create"].
 * A root that is not a plain name (a call, a subscript) becomes "()" so shapes can still match the tail.
 */
export function calleePath(callee: SyntaxNode, text: string): string[] {
  if (callee.name === "VariableName") return [text.slice(callee.from, callee.to)];
  if (callee.name === "MemberExpression") {
    const kids = childrenOf(callee);
    const last = kids[kids.length - 1];
    const head = kids[0];
    if (last?.name === "PropertyName" && head) return [...calleePath(head, text), text.slice(last.from, last.to)];
    return ["()"];
  }
  return ["()"];
}

export function textOf(node: SyntaxNode, text: string): string {
  return text.slice(node.from, node.to);
}

/** The root VariableName of a member chain (`client` in `client.chat.completions.create`). */
export function rootName(callee: SyntaxNode): SyntaxNode | undefined {
  let node: SyntaxNode | null = callee;
  while (node && node.name === "MemberExpression") node = node.firstChild;
  return node?.name === "VariableName" ? node : undefined;
}
