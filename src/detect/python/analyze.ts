/**
 * The Python detector's core: parse once, record scopes, then read model positions from calls,
 * model-ish names, dict keys and argparse defaults, and finally known literals and hub URLs.
 */
import type { SyntaxNode } from "@lezer/common";
import type { DetectContext, Mention } from "../../types.js";
import { NON_MODEL_CALLS, GENERIC_MODEL_KEYWORDS } from "./call-shapes.js";
import { hintForModule, matchModelCall, readCall } from "./calls.js";
import { MentionSink, type ModelExtra } from "./collect.js";
import { bedrockArnPrefixLength, isDistinctiveModelId } from "../config/model-value.js";
import { HUB_RESERVED, HUB_URL, isModelLike, LOCAL_DIR_NAME, MODEL_KEYS, MODEL_NAME_PATTERN } from "./filters.js";
import { collectImportProviders } from "./imports.js";
import { isPatternUse } from "./literal-context.js";
import { splitStringLiteral } from "./positions.js";
import { prefixStyleFor, splitProviderPrefix } from "./prefixes.js";
import { PythonProject } from "./project.js";
import { literalContent, scopeOf, type FileScopes } from "./scopes.js";
import { childrenOf, textOf } from "./syntax.js";
import { ENV_GETTERS, fold, type FoldInput, type Folded } from "./values.js";

interface FileState extends FoldInput {
  text: string;
  scopes: FileScopes;
  sink: MentionSink;
  project: PythonProject;
  ctx: DetectContext;
  /** Start offsets of literals that name datasets or CLI flags, never models. */
  excluded: Set<number>;
}

/**
 * Analyzes one file. Within a project, values imported from other files are followed and their mentions
 * land in that file's sink; the caller collects `project.mentions()` once every file is done.
 */
export function analyzePython(
  path: string,
  text: string,
  ctx: DetectContext,
  detector: "python" | "notebook" = "python",
  project = new PythonProject([], detector),
): Mention[] {
  const parsed = project.load(path, text);
  const { tree } = parsed;
  const state: FileState = { ...project.inputFor(parsed), sink: project.sinkFor(path, text), project, ctx, excluded: new Set() };
  const nodes: Record<"calls" | "assigns" | "dicts" | "imports" | "strings", SyntaxNode[]> = {
    calls: [], assigns: [], dicts: [], imports: [], strings: [],
  };
  tree.iterate({
    enter: (ref) => {
      const key = NODE_KINDS[ref.name];
      if (key) nodes[key].push(ref.node);
    },
  });
  for (const call of nodes.calls) readModelCall(call, state);
  for (const assign of nodes.assigns) readModelAssignment(assign, state);
  for (const dict of nodes.dicts) readModelKeys(dict, state);
  readArgparseDefaults(state);
  for (const node of nodes.imports) {
    collectImportProviders(node, text, ctx, { add: (from, to, value, via) => state.sink.provider(from, to, value, via) });
  }
  for (const node of nodes.strings) readLiteral(node, state);
  return state.sink.mentions();
}

const NODE_KINDS: Record<string, "calls" | "assigns" | "dicts" | "imports" | "strings"> = {
  CallExpression: "calls",
  AssignStatement: "assigns",
  DictionaryExpression: "dicts",
  ImportStatement: "imports",
  String: "strings",
  FormatString: "strings",
};

function readModelCall(call: SyntaxNode, state: FileState): void {
  const { text, scopes } = state;
  const scope = scopeOf(call, scopes);
  const match = matchModelCall(call, text, scope, scopes);
  const read = match ?? readCall(call, text, scope, scopes);
  if (!read) return;
  const name = read.path.at(-1) ?? "";
  if (readNonModelCall(read.path, read.args.positional, read.args.keywords, state, scope)) return;
  if (ENV_GETTERS.has(read.path.join("."))) return readEnvProvider(read.args.positional[0], state);
  const moduleHint = hintForModule(read.module);
  if (match) {
    const folded = fold(match.arg, scope, state);
    if (match.shape.weak && folded.kind === "dynamic" && !moduleHint) return;
    const revisionNode = match.args.keywords.get("revision");
    const revision = revisionNode ? fold(revisionNode, scope, state) : undefined;
    report(folded, match.arg, state, {
      via: match.path.slice(-match.shape.callee.split(".").length).join("."),
      providerHint: moduleHint && moduleHint !== "huggingface" ? moduleHint : (match.shape.hint ?? moduleHint),
      revision: revision?.kind === "const" ? revision.value : undefined,
    }, prefixStyleFor(name));
    return;
  }
  for (const keyword of GENERIC_MODEL_KEYWORDS) {
    const arg = read.args.keywords.get(keyword);
    const folded = arg ? fold(arg, scope, state) : undefined;
    if (arg && folded?.kind === "const") report(folded, arg, state, { via: `${name}(${keyword}=)`, providerHint: moduleHint }, prefixStyleFor(name));
  }
}

/** `load_dataset("org/name")`, `hf_hub_download(..., repo_type="dataset")`: their strings are not models. */
function readNonModelCall(path: string[], positional: SyntaxNode[], keywords: Map<string, SyntaxNode>, state: FileState, scope: ReturnType<typeof scopeOf>): boolean {
  const repoType = keywords.get("repo_type");
  const repoTypeValue = repoType ? fold(repoType, scope, state) : undefined;
  const isOtherRepo = repoTypeValue?.kind === "const" && repoTypeValue.value !== "model";
  if (!NON_MODEL_CALLS.has(path.at(-1) ?? "") && !NON_MODEL_CALLS.has(path.slice(-2).join(".")) && !isOtherRepo) return false;
  for (const arg of [...positional, ...keywords.values()]) {
    const folded = fold(arg, scope, state);
    state.excluded.add(arg.from);
    if (folded.kind === "const") state.excluded.add(folded.from);
  }
  return true;
}

function readEnvProvider(arg: SyntaxNode | undefined, state: FileState): void {
  if (arg?.name !== "String") return;
  const name = literalContent(arg, state.text);
  const provider = state.ctx.providerFor("env", name);
  const parts = splitStringLiteral(textOf(arg, state.text), arg.from);
  if (provider && parts) state.sink.provider(parts.contentFrom, parts.contentTo, provider, name);
}

/** Records a folded model position: at the literal for constants, at the argument when dynamic. */
function report(folded: Folded, arg: SyntaxNode, state: FileState, extra: ModelExtra, prefixStyle?: "litellm" | "langchain"): void {
  if (folded.kind === "dynamic") {
    if (LOCAL_DIR_NAME.test(folded.expr.split(".").at(-1) ?? "")) return;
    state.sink.model(arg.from, arg.to, folded.expr, "model-position", { ...extra, dynamic: true });
    return;
  }
  const arn = bedrockArnPrefixLength(folded.value);
  const split = arn > 0
    ? { id: folded.value.slice(arn), skip: arn, hint: "amazon-bedrock" }
    : prefixStyle ? splitProviderPrefix(folded.value, prefixStyle) : { id: folded.value, skip: 0, hint: undefined };
  if (!isModelLike(split.id)) return;
  const home = folded.origin ? state.project.sinkFor(folded.origin.path, folded.origin.text) : state.sink;
  const homeText = folded.origin?.text ?? state.text;
  const isPlain = homeText.slice(folded.from, folded.to) === folded.value;
  const from = isPlain ? folded.from + split.skip : folded.from;
  const isElsewhere = folded.origin !== undefined || folded.from < arg.from || folded.to > arg.to;
  home.model(from, folded.to, split.id, "model-position", {
    ...extra,
    providerHint: split.hint ?? extra.providerHint,
    usedAt: isElsewhere ? state.sink.locate(arg.from, arg.to) : undefined,
  });
}

/** `MODEL_ID = "…"`, `embedding_model = os.getenv("EMBED_MODEL", "…")`. */
function readModelAssignment(node: SyntaxNode, state: FileState): void {
  const kids = childrenOf(node);
  const target = kids[0];
  const value = kids[kids.length - 1];
  if (target?.name !== "VariableName" || !value || kids.length < 3) return;
  const name = textOf(target, state.text);
  if (!MODEL_NAME_PATTERN.test(name)) return;
  const folded = fold(value, scopeOf(node, state.scopes), state);
  if (folded.kind === "const") report(folded, value, state, { via: `${name} =`, isFallback: true });
}

const LITELLM_PARAMS = /(?:["']litellm_params["']\s*:|\blitellm_params\s*=)\s*$/;

/** `{"model": "gpt-4o-mini", …}` in request bodies and config dicts. */
function readModelKeys(dict: SyntaxNode, state: FileState): void {
  const items = childrenOf(dict).filter((k) => !["{", "}", ",", ":", "**"].includes(k.name));
  const scope = scopeOf(dict, state.scopes);
  // LiteLLM Router `model_list` entries: `{"litellm_params": {"model": "groq/llama-3.3-70b"}}`.
  const style = LITELLM_PARAMS.test(state.text.slice(Math.max(0, dict.from - 40), dict.from)) ? "litellm" : undefined;
  for (let i = 0; i + 1 < items.length; i += 2) {
    const key = items[i]!;
    if (key.name !== "String" || !MODEL_KEYS.has(literalContent(key, state.text))) continue;
    const folded = fold(items[i + 1]!, scope, state);
    if (folded.kind === "const") report(folded, items[i + 1]!, state, { via: `"${literalContent(key, state.text)}":`, isFallback: true }, style);
  }
}

function readArgparseDefaults(state: FileState): void {
  for (const [dest, { value, scope }] of state.scopes.argparse) {
    if (!MODEL_NAME_PATTERN.test(dest)) continue;
    const folded = fold(value, scope, state);
    if (folded.kind === "const") report(folded, value, state, { via: `argparse --${dest.replace(/_/g, "-")}`, isFallback: true });
  }
}

/** Any string the rules database knows, and hub URLs, wherever they stand. */
function readLiteral(node: SyntaxNode, state: FileState): void {
  const parts = splitStringLiteral(textOf(node, state.text), node.from);
  if (!parts || parts.isBytes || state.excluded.has(node.from) || state.excluded.has(parts.contentFrom)) return;
  const raw = state.text.slice(parts.contentFrom, parts.contentTo);
  if (node.name === "String" && !state.sink.overlaps(parts.contentFrom, parts.contentTo) && isDistinctiveModelId(raw) && state.ctx.isKnownModel(raw) && !isPatternUse(node, state.text, raw)) {
    state.sink.model(parts.contentFrom, parts.contentTo, raw, "literal");
  }
  for (const match of raw.matchAll(HUB_URL)) {
    const [, org, name] = match;
    if (!org || !name || HUB_RESERVED.has(org)) continue;
    const id = `${org}/${name.replace(/\.git$/, "")}`;
    const from = parts.contentFrom + match.index + match[0].length - name.length - org.length - 1;
    state.sink.model(from, from + id.length, id, "url", { providerHint: "huggingface", via: "huggingface.co" });
  }
}
