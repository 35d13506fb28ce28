/**
 * Constant folding: what string an expression holds, followed through names, default arguments,
 * env lookups with a default, f-strings, concatenation, dict/list constants and argparse defaults.
 * The origin is where a fix would change the value: the literal's characters inside the quotes.
 */
import type { SyntaxNode } from "@lezer/common";
import { decodeEscapes, splitStringLiteral } from "./positions.js";
import type { Binding, FileScopes, Scope } from "./scopes.js";
import { childrenOf, calleePath, readArgs, textOf } from "./syntax.js";

export type Folded =
  | { kind: "const"; value: string; from: number; to: number; origin?: ModuleFile }
  | { kind: "dynamic"; expr: string; from: number; to: number };

/** A file of the scanned project, when a value was defined in another module than where it is used. */
export interface ModuleFile {
  path: string;
  text: string;
}

export interface FoldInput {
  text: string;
  scopes: FileScopes;
  /** Finds `from service.settings import MODEL` in the project: the module's scope and its own input. */
  resolveImport?: (module: string) => { name: string; scope: Scope; input: FoldInput & ModuleFile } | undefined;
}

const MAX_DEPTH = 12;
export const ENV_GETTERS = new Set(["os.environ.get", "os.getenv", "environ.get", "getenv", "os.environ.setdefault"]);

export function fold(node: SyntaxNode, scope: Scope, input: FoldInput, depth = 0): Folded {
  const { text } = input;
  const dynamic = (): Folded => ({ kind: "dynamic", expr: textOf(node, text), from: node.from, to: node.to });
  if (depth > MAX_DEPTH) return dynamic();
  switch (node.name) {
    case "String":
      return foldString(node, text) ?? dynamic();
    case "FormatString":
      return foldFormatString(node, scope, input, depth) ?? dynamic();
    case "ContinuedString":
    case "BinaryExpression":
      return foldBinary(node, scope, input, depth) ?? dynamic();
    case "ParenthesizedExpression": {
      const inner = childrenOf(node).find((k) => k.name !== "(" && k.name !== ")");
      return inner ? fold(inner, scope, input, depth + 1) : dynamic();
    }
    case "VariableName":
      return foldName(textOf(node, text), node.from, scope, input, depth) ?? dynamic();
    case "CallExpression":
      return foldCall(node, scope, input, depth) ?? dynamic();
    case "MemberExpression":
      return foldMember(node, scope, input, depth) ?? dynamic();
    default:
      return dynamic();
  }
}

function foldString(node: SyntaxNode, text: string): Folded | undefined {
  const parts = splitStringLiteral(textOf(node, text), node.from);
  if (!parts || parts.isBytes) return undefined;
  const raw = text.slice(parts.contentFrom, parts.contentTo);
  const value = parts.isRaw ? raw : decodeEscapes(raw);
  return { kind: "const", value, from: parts.contentFrom, to: parts.contentTo };
}

/** `f"{ORG}/llama-{SIZE}"`: literal pieces plus folded replacements; any unknown piece makes it dynamic. */
function foldFormatString(node: SyntaxNode, scope: Scope, input: FoldInput, depth: number): Folded | undefined {
  const parts = splitStringLiteral(textOf(node, input.text), node.from);
  if (!parts || parts.isBytes) return undefined;
  let value = "";
  let cursor = parts.contentFrom;
  const literal = (to: number) => {
    const raw = input.text.slice(cursor, to).replace(/\{\{/g, "{").replace(/\}\}/g, "}");
    value += parts.isRaw ? raw : decodeEscapes(raw);
  };
  for (const rep of childrenOf(node)) {
    if (rep.name !== "FormatReplacement") continue;
    literal(rep.from);
    const kids = childrenOf(rep).filter((k) => k.name !== "{" && k.name !== "}");
    if (kids.length !== 1) return undefined; // a conversion or format spec: not a plain substitution
    const inner = fold(kids[0]!, scope, input, depth + 1);
    if (inner.kind !== "const") return undefined;
    value += inner.value;
    cursor = rep.to;
  }
  literal(parts.contentTo);
  return { kind: "const", value, from: parts.contentFrom, to: parts.contentTo };
}

function foldBinary(node: SyntaxNode, scope: Scope, input: FoldInput, depth: number): Folded | undefined {
  const kids = childrenOf(node);
  const operator = node.name === "ContinuedString" ? "+" : kids[1] ? textOf(kids[1], input.text) : "";
  const operands = node.name === "ContinuedString" ? kids : [kids[0], kids[2]].filter((k) => k !== undefined);
  const folded = operands.map((k) => fold(k, scope, input, depth + 1));
  if (operator === "or" && folded.length === 2) {
    // `os.environ.get("X") or "default"` and `model or DEFAULT_MODEL`: the fallback is what ships.
    const [left, right] = folded as [Folded, Folded];
    return left.kind === "const" && left.value !== "" ? left : right;
  }
  if (operator !== "+" || folded.some((f) => f.kind !== "const")) return undefined;
  const value = folded.map((f) => (f.kind === "const" ? f.value : "")).join("");
  if (folded.length === 1) return folded[0];
  return { kind: "const", value, from: node.from, to: node.to };
}

function foldName(name: string, at: number, scope: Scope, input: FoldInput, depth: number): Folded | undefined {
  const binding = lookup(name, at, scope);
  return binding ? foldBinding(binding, input, depth) : undefined;
}

export function foldBinding(binding: Binding, input: FoldInput, depth: number): Folded | undefined {
  if (binding.kind === "import") return foldImport(binding.module, input, depth);
  if (binding.kind === "assign") return fold(binding.value, binding.scope, input, depth + 1);
  if (binding.kind === "param" && binding.value) return fold(binding.value, binding.scope, input, depth + 1);
  return undefined;
}

/** A constant imported from another file of the project; its origin is that file. */
function foldImport(module: string, input: FoldInput, depth: number): Folded | undefined {
  const target = input.resolveImport?.(module);
  const binding = target ? lookup(target.name, Number.MAX_SAFE_INTEGER, target.scope) : undefined;
  if (!target || !binding || binding.kind === "import" && binding.module === module) return undefined;
  const folded = foldBinding(binding, target.input, depth + 1);
  if (folded?.kind !== "const" || folded.origin) return folded;
  return { ...folded, origin: { path: target.input.path, text: target.input.text } };
}

/** Python's lookup, simplified: own scope (latest binding before the use), then enclosing non-class scopes. */
export function lookup(name: string, at: number, scope: Scope): Binding | undefined {
  let current: Scope | undefined = scope;
  let isOwn = true;
  while (current) {
    if (isOwn || current.kind !== "class") {
      const list = current.bindings.get(name);
      if (list && list.length > 0) {
        const before = isOwn ? list.filter((b) => b.at < at) : list;
        return (before.length > 0 ? before : list).at(-1);
      }
    }
    current = current.parent;
    isOwn = false;
  }
  return undefined;
}

function foldCall(node: SyntaxNode, scope: Scope, input: FoldInput, depth: number): Folded | undefined {
  const callee = node.firstChild;
  const argList = node.getChild("ArgList");
  if (!callee || !argList) return undefined;
  const path = calleePath(callee, input.text).join(".");
  const args = readArgs(argList, input.text);
  if (ENV_GETTERS.has(path)) {
    const fallback = args.positional[1] ?? args.keywords.get("default");
    return fallback ? fold(fallback, scope, input, depth + 1) : undefined;
  }
  if (path === "str" && args.positional[0]) return fold(args.positional[0], scope, input, depth + 1);
  return undefined;
}

/** `args.model` (argparse), `self.model` / `Config.MODEL` (class attributes), `CONF["model"]`, `MODELS[0]`. */
function foldMember(node: SyntaxNode, scope: Scope, input: FoldInput, depth: number): Folded | undefined {
  const kids = childrenOf(node);
  const head = kids[0];
  const last = kids[kids.length - 1];
  if (!head || !last) return undefined;
  if (last.name === "PropertyName") {
    const prop = textOf(last, input.text);
    if (head.name === "VariableName") {
      const owner = textOf(head, input.text);
      const cls = owner === "self" || owner === "cls" ? enclosingClass(scope) : classNamed(owner, node.from, scope, input);
      const attr = cls?.attributes.get(prop)?.at(-1);
      if (attr) return foldBinding(attr, input, depth);
      const arg = input.scopes.argparse.get(prop);
      const ownerBinding = lookup(owner, node.from, scope);
      if (arg && ownerBinding?.kind !== "import") return fold(arg.value, arg.scope, input, depth + 1);
    }
    return undefined;
  }
  const key = kids.find((k, i) => i > 0 && k.name !== "[" && k.name !== "]");
  if (!key) return undefined;
  return foldSubscript(head, key, scope, input, depth);
}

function foldSubscript(head: SyntaxNode, key: SyntaxNode, scope: Scope, input: FoldInput, depth: number): Folded | undefined {
  const container = resolveNode(head, scope, input, depth);
  if (!container) return undefined;
  const { node, scope: where } = container;
  const items = childrenOf(node).filter((k) => !["{", "}", "[", "]", ",", ":"].includes(k.name));
  if (node.name === "DictionaryExpression" && key.name === "String") {
    const wanted = fold(key, scope, input, depth + 1);
    for (let i = 0; i + 1 < items.length; i += 2) {
      const k = fold(items[i]!, where, input, depth + 1);
      if (k.kind === "const" && wanted.kind === "const" && k.value === wanted.value) return fold(items[i + 1]!, where, input, depth + 1);
    }
  }
  if (node.name === "ArrayExpression" && key.name === "Number") {
    const item = items[Number(textOf(key, input.text))];
    if (item) return fold(item, where, input, depth + 1);
  }
  return undefined;
}

/** Follows names to the container literal they hold, so a subscript can pick its entry. */
function resolveNode(
  node: SyntaxNode,
  scope: Scope,
  input: FoldInput,
  depth: number,
): { node: SyntaxNode; scope: Scope } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.name === "DictionaryExpression" || node.name === "ArrayExpression") return { node, scope };
  if (node.name !== "VariableName") return undefined;
  const binding = lookup(textOf(node, input.text), node.from, scope);
  if (binding?.kind !== "assign") return undefined;
  return resolveNode(binding.value, binding.scope, input, depth + 1);
}

function enclosingClass(scope: Scope): Scope | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (s.kind === "class") return s;
  return undefined;
}

function classNamed(name: string, at: number, scope: Scope, input: FoldInput): Scope | undefined {
  const binding = lookup(name, at, scope);
  if (binding?.kind !== "assign" || binding.value.name !== "ClassDefinition") return undefined;
  return input.scopes.byNode.get(binding.value.from);
}
