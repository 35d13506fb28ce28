import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import { packageName } from "./literals.js";
import { unwrap, type Resolver } from "./resolve-value.js";
import { findDeclaration } from "./scope.js";
import {
  AI_SDK_CALLS, AI_SDK_PACKAGE, AI_SDK_PROVIDER_METHODS, AI_SDK_PROVIDER_PACKAGE, CLASS_HINTS, CLASS_KEYS, NOT_A_PROVIDER_INSTANCE,
  HTTP_CALLS, METHOD_SHAPES, TRANSFORMERS_PACKAGES, type MethodShape, type Receiver,
} from "./sdk-shapes.js";

/** A call or `new` whose argument holds a model. */
export interface Position {
  site: ts.CallExpression | ts.NewExpression;
  arg: ts.Node;
  /** Options-object keys holding the model; absent when `arg` is the id itself. */
  keys?: readonly string[];
  via: string;
  hint?: string;
  /** Report an unreadable options argument as dynamic. */
  strict: boolean;
  /** Only string values count (AI SDK calls also take a provider model object there). */
  stringOnly?: boolean;
  revisionFrom?: ts.Node;
}

export interface MatchContext {
  resolver: Resolver;
  hintForPackage(pkg: string): string | undefined;
  hintForHost(host: string): string | undefined;
  /**
   * False when the file being visited cannot import an AI SDK package (see `mayImportAiSdk`): every
   * AI SDK shape needs such an import in the same file, so its scope lookups can be skipped.
   */
  aiSdkInFile?: boolean;
}

/** Shapes by the callee's last name, longest path first, so a call is compared with few shapes. */
const SHAPES_BY_NAME = new Map<string, MethodShape[]>();
for (const shape of [...METHOD_SHAPES].sort((a, b) => b.path.length - a.path.length)) {
  const last = shape.path[shape.path.length - 1]!;
  SHAPES_BY_NAME.set(last, [...(SHAPES_BY_NAME.get(last) ?? []), shape]);
}

/** Last names of every call shape other than the AI SDK's (which any imported name can have). */
const CALL_NAMES = new Set([...SHAPES_BY_NAME.keys(), "pipeline", ...Object.keys(HTTP_CALLS).map((c) => c.split(".").pop()!)]);

/**
 * A superset test, on the text, for an import of `ai` or an AI SDK provider package: every such
 * import names its package in a quoted specifier, so a file without one of these strings has none.
 * Escapes could spell a specifier otherwise (`"\x61i"`, `"\ai"`, a line continuation), so a
 * specifier holding a backslash counts too.
 */
export function mayImportAiSdk(text: string): boolean {
  if (ESCAPED_SPECIFIER.test(text)) return true;
  for (const m of text.matchAll(AI_SDK_SPECIFIER)) {
    if (m[1] === AI_SDK_PACKAGE || AI_SDK_PROVIDER_PACKAGE.test(m[1]!)) return true;
  }
  return false;
}

/** A specifier after `from` (comments allowed between) with a backslash in it: an escape could spell any name. */
const ESCAPED_SPECIFIER = /\bfrom\s*(?:(?:\/\*[\s\S]*?\*\/|\/\/[^\n]*\n)\s*)*["'][^"'\n]*\\/;
const AI_SDK_SPECIFIER = /["'`](ai|@ai-sdk\/[\w.-]+|@openrouter\/ai-sdk-provider|ollama-ai-provider(?:-v2)?|workers-ai-provider)(?=["'`/])/g;

export function matchPosition(node: ts.CallExpression | ts.NewExpression, mc: MatchContext): Position | undefined {
  const args = node.arguments ?? tsApi.factory.createNodeArray();
  if (tsApi.isNewExpression(node)) return matchClass(node, args);
  const callee = unwrap(node.expression);
  // Without AI SDK imports only named shapes remain: most calls are ruled out by their last name.
  if (mc.aiSdkInFile === false) {
    const last = tsApi.isPropertyAccessExpression(callee) ? callee.name.text : tsApi.isIdentifier(callee) ? callee.text : undefined;
    if (last === undefined || !CALL_NAMES.has(last)) return undefined;
  }
  if (tsApi.isCallExpression(callee)) return mc.aiSdkInFile === false ? undefined : matchCreatedProvider(node, callee, args, mc);
  const { names, head } = calleeChain(callee);
  const headName = tsApi.isIdentifier(head) ? head : undefined;
  return (mc.aiSdkInFile === false ? undefined : matchAiSdk(node, names, headName, args, mc)) ?? matchPipeline(node, names, headName, args)
    ?? matchHttp(node, names, args, mc) ?? matchMethod(node, names, headName, args);
}

function calleeChain(callee: ts.Node): { names: string[]; head: ts.Node } {
  const names: string[] = [];
  let e = callee;
  while (tsApi.isPropertyAccessExpression(e)) {
    names.unshift(e.name.text);
    e = unwrap(e.expression);
  }
  if (tsApi.isIdentifier(e)) names.unshift(e.text);
  return { names, head: e };
}

function matchMethod(site: ts.CallExpression, names: string[], head: ts.Identifier | undefined, args: ts.NodeArray<ts.Expression>): Position | undefined {
  for (const shape of SHAPES_BY_NAME.get(names[names.length - 1]!) ?? []) {
    const offset = names.length - shape.path.length;
    if (offset < 0 || shape.path.some((p, i) => names[offset + i] !== p)) continue;
    const hasReceiver = offset > 0 || !head;
    if (!hasReceiver && !shape.bare) continue;
    if (shape.receiver && !isReceiver(shape.receiver, names[offset - 1], offset === 1 ? head : undefined)) continue;
    const arg = args[shape.arg];
    if (!arg) return undefined;
    const revisionFrom = shape.revisionArg === undefined ? undefined : args[shape.revisionArg];
    return { site, arg, keys: shape.keys, via: shape.path.join("."), hint: shape.hint, strict: shape.strict ?? false, revisionFrom };
  }
  return undefined;
}

function isReceiver(receiver: Receiver, name: string | undefined, head: ts.Identifier | undefined): boolean {
  if (name && receiver.names.includes(name.toLowerCase())) return true;
  const decl = head && findDeclaration(head.text, head);
  if (decl?.kind === "import") return receiver.packages.includes(decl.specifier);
  if (decl?.kind === "variable" && decl.node.initializer) {
    const init = unwrap(decl.node.initializer);
    return tsApi.isNewExpression(init) && tsApi.isIdentifier(init.expression) && receiver.classes.includes(init.expression.text);
  }
  return false;
}

/** `new ChatOpenAI({ model })` and the other LangChain JS model classes. */
function matchClass(site: ts.NewExpression, args: ts.NodeArray<ts.Expression>): Position | undefined {
  const callee = unwrap(site.expression);
  const name = tsApi.isIdentifier(callee) ? callee.text : tsApi.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const hint = name === undefined ? undefined : CLASS_HINTS[name];
  const arg = args[0];
  if (!name || !hint || !arg) return undefined;
  // `new OpenAI(config)` is also the OpenAI SDK client, which takes no model.
  const strict = name.startsWith("Chat") || name.endsWith("Embeddings");
  return { site, arg, keys: CLASS_KEYS, via: `new ${name}`, hint, strict };
}

/** Which AI SDK provider package an identifier comes from, and whether it is a `create…` factory. */
function aiSdkBinding(id: ts.Identifier): { pkg: string; isFactory: boolean } | undefined {
  const decl = findDeclaration(id.text, id);
  if (decl?.kind === "import") {
    const pkg = packageName(decl.specifier);
    if (!pkg || !AI_SDK_PROVIDER_PACKAGE.test(pkg)) return undefined;
    const isFactory = decl.imported.startsWith("create");
    return isFactory || !NOT_A_PROVIDER_INSTANCE.test(decl.imported) ? { pkg, isFactory } : undefined;
  }
  if (decl?.kind === "variable" && decl.node.initializer) {
    const init = unwrap(decl.node.initializer);
    const creator = tsApi.isCallExpression(init) && tsApi.isIdentifier(init.expression) ? aiSdkBinding(init.expression) : undefined;
    return creator?.isFactory ? { pkg: creator.pkg, isFactory: false } : undefined;
  }
  return undefined;
}

function matchAiSdk(site: ts.CallExpression, names: string[], head: ts.Identifier | undefined, args: ts.NodeArray<ts.Expression>, mc: MatchContext): Position | undefined {
  const arg = args[0];
  if (!head || !arg || names.length > 2) return undefined;
  if (names.length === 2 && !AI_SDK_PROVIDER_METHODS.has(names[1]!)) return undefined;
  if (names.length === 1 && AI_SDK_CALLS.has(head.text)) {
    const decl = findDeclaration(head.text, head);
    if (decl?.kind !== "import" || decl.specifier !== AI_SDK_PACKAGE) return undefined;
    return { site, arg, keys: ["model"], via: head.text, strict: false, stringOnly: true };
  }
  const binding = aiSdkBinding(head);
  if (!binding || binding.isFactory) return undefined;
  return { site, arg, via: `${names.join(".")}()`, hint: mc.hintForPackage(binding.pkg), strict: true };
}

/** `createOpenAI({ baseURL })("gpt-4o")`. */
function matchCreatedProvider(site: ts.CallExpression, callee: ts.CallExpression, args: ts.NodeArray<ts.Expression>, mc: MatchContext): Position | undefined {
  const creator = unwrap(callee.expression);
  const binding = tsApi.isIdentifier(creator) ? aiSdkBinding(creator) : undefined;
  const arg = args[0];
  if (!binding?.isFactory || !arg) return undefined;
  return { site, arg, via: `${(creator as ts.Identifier).text}()()`, hint: mc.hintForPackage(binding.pkg), strict: true };
}

/** transformers.js `pipeline(task, model, { revision })`. */
function matchPipeline(site: ts.CallExpression, names: string[], head: ts.Identifier | undefined, args: ts.NodeArray<ts.Expression>): Position | undefined {
  if (names[names.length - 1] !== "pipeline" || !args[1]) return undefined;
  const decl = head && names.length === 1 ? findDeclaration(head.text, head) : undefined;
  const isImported = decl?.kind === "import" && TRANSFORMERS_PACKAGES.has(decl.specifier);
  // Without the import, a literal task name as first argument is what tells it from stream.pipeline.
  const task = unwrap(args[0]!);
  if (!isImported && !tsApi.isStringLiteralLike(task)) return undefined;
  return { site, arg: args[1], via: "pipeline", hint: "huggingface", strict: isImported, revisionFrom: args[2] };
}

/** `fetch("https://api.openai.com/v1/…", { body: JSON.stringify({ model }) })`, `axios.post(url, { model })`. */
function matchHttp(site: ts.CallExpression, names: string[], args: ts.NodeArray<ts.Expression>, mc: MatchContext): Position | undefined {
  const call = HTTP_CALLS[names.join(".")];
  if (!call || !args[0] || !args[1]) return undefined;
  const host = mc.resolver.strings(args[0]).map((v) => (v.kind === "string" ? hostOf(v.value) : undefined)).find(Boolean);
  const hint = host ? mc.hintForHost(host) : undefined;
  if (!host || !hint) return undefined;
  let body: ts.Node | undefined = args[1];
  if (call.body === "init") {
    body = mc.resolver.property(args[1], "body").flatMap((n) => mc.resolver.follow(n)).map(stringifiedArgument).find(Boolean);
  }
  return body ? { site, arg: body, keys: ["model"], via: `${names.join(".")} ${host}`, hint, strict: false } : undefined;
}

function stringifiedArgument(node: ts.Node): ts.Node | undefined {
  return tsApi.isCallExpression(node) && node.expression.getText() === "JSON.stringify" ? node.arguments[0] : undefined;
}

export function hostOf(url: string): string | undefined {
  return /^https?:\/\/([a-z0-9.-]+(?::\d+)?)(?:[/?#]|$)/i.exec(url)?.[1]?.toLowerCase();
}
