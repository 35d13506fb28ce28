/** Matches a call against the call shapes and says which argument holds the model. */
import type { SyntaxNode } from "@lezer/common";
import { CALL_SHAPES, MODULE_HINTS, type CallShape } from "./call-shapes.js";
import type { FileScopes, Scope } from "./scopes.js";
import { calleePath, readArgs, rootName, textOf, type Args } from "./syntax.js";
import { lookup } from "./values.js";

export interface CallMatch {
  shape: CallShape;
  path: string[];
  args: Args;
  /** The expression that holds the model. */
  arg: SyntaxNode;
  /** The module the receiver (or a bare function) comes from: `openai.OpenAI`, `ollama`. */
  module?: string;
}

export function readCall(call: SyntaxNode, text: string, scope: Scope, scopes: FileScopes) {
  const callee = call.firstChild;
  const argList = call.getChild("ArgList");
  if (!callee || !argList) return undefined;
  const path = calleePath(callee, text);
  const root = rootName(callee);
  const module = root ? moduleOf(textOf(root, text), root.from, scope, text, scopes, 0) : undefined;
  return { path, args: readArgs(argList, text), module, root: root ? textOf(root, text) : undefined };
}

/** Shapes by the last segment of their callee, so a call is compared only with shapes it could be. */
const SHAPES_BY_NAME = new Map<string, { shape: CallShape; segments: string[] }[]>();
for (const shape of CALL_SHAPES) {
  const segments = shape.callee.split(".");
  const last = segments[segments.length - 1]!;
  SHAPES_BY_NAME.set(last, [...(SHAPES_BY_NAME.get(last) ?? []), { shape, segments }]);
}

/** The callee's last name, read cheaply, before any scope or argument work. */
function calleeName(call: SyntaxNode, text: string): string | undefined {
  const callee = call.firstChild;
  if (!callee) return undefined;
  const last = callee.name === "MemberExpression" ? callee.lastChild : callee;
  return last && (last.name === "VariableName" || last.name === "PropertyName") ? text.slice(last.from, last.to) : undefined;
}

export function matchModelCall(call: SyntaxNode, text: string, scope: Scope, scopes: FileScopes): CallMatch | undefined {
  const name = calleeName(call, text);
  const candidates = name === undefined ? undefined : SHAPES_BY_NAME.get(name);
  if (!candidates) return undefined;
  const read = readCall(call, text, scope, scopes);
  if (!read) return undefined;
  const { path, args, module, root } = read;
  for (const { shape, segments } of candidates) {
    if (path.length < segments.length || segments.some((s, i) => path[path.length - segments.length + i] !== s)) continue;
    if (shape.receiver && !(path.length > segments.length && root && shape.receiver.test(root))) continue;
    if (shape.roots && !shape.roots.some((r) => (r === "" ? path.length === 1 : isInModule(module, r)))) continue;
    const arg = pickArgument(shape, args);
    if (arg) return { shape, path, args, arg, module };
  }
  return undefined;
}

function pickArgument(shape: CallShape, args: Args): SyntaxNode | undefined {
  for (const keyword of shape.keywords) {
    const value = args.keywords.get(keyword);
    if (value) return value;
  }
  if (shape.positional === undefined) return undefined;
  if (shape.positionalAfterString && args.positional[shape.positional - 1]?.name !== "String") return undefined;
  return args.positional[shape.positional];
}

export function isInModule(module: string | undefined, prefix: string): boolean {
  return module !== undefined && (module === prefix || module.startsWith(`${prefix}.`));
}

export function hintForModule(module: string | undefined): string | undefined {
  if (!module) return undefined;
  const parts = module.split(".");
  for (let n = parts.length; n > 0; n--) {
    const hint = MODULE_HINTS[parts.slice(0, n).join(".")];
    if (hint) return hint;
  }
  return undefined;
}

/**
 * The module a name comes from: an import (`genai` → `google.genai`), or a client built by a call
 * (`client = OpenAI()` → `openai.OpenAI`). Unknown names give undefined.
 */
function moduleOf(name: string, at: number, scope: Scope, text: string, scopes: FileScopes, depth: number): string | undefined {
  if (depth > 6) return undefined;
  const binding = lookup(name, at, scope);
  if (!binding) return undefined;
  if (binding.kind === "import") return binding.module;
  if (binding.kind !== "assign" || binding.value.name !== "CallExpression") return undefined;
  const callee = binding.value.firstChild;
  const root = callee ? rootName(callee) : undefined;
  if (!callee || !root) return undefined;
  const base = moduleOf(textOf(root, text), root.from, binding.scope, text, scopes, depth + 1);
  return base ? [base, ...calleePath(callee, text).slice(1)].join(".") : undefined;
}
