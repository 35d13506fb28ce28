import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import { isTypescriptSource } from "../paths.js";
import type { DetectContext, Detector, Location, Mention, SourceFile } from "../../types.js";
import { addLiteral, addProviderImport, isWorthParsing, moduleSpecifierOf } from "./literals.js";
import { matchPosition, mayImportAiSdk, type MatchContext, type Position } from "./match-call.js";
import { MentionCollector, type TypescriptPart } from "./collector.js";
import { addModel, expressionText, locationOf } from "./mentions.js";
import { findSkipReason, ModuleCache, withoutBom, type Module } from "./modules.js";
import { callCheck, scanLiterals } from "./tokens.js";
import { Resolver } from "./resolve-value.js";

/** Syntax trees kept between files: imports mostly point at neighbours and shared constant modules. */
const KEEP_TREES = 64;
const TOKEN_PATH = /\.(?:ts|mts|cts|js|mjs|cjs)$/;

/** JavaScript and TypeScript: SDK call shapes, constants followed across files, known ids, hub URLs. */
export const typescriptDetector: Detector = {
  name: "typescript",
  accepts: isTypescriptSource,
  detect: detectTypescript,
};

export interface TypescriptOptions {
  /** Answer files without call shapes from their tokens (default); false parses every file. */
  tokens?: boolean;
}

export function detectTypescript(files: readonly SourceFile[], ctx: DetectContext, options: TypescriptOptions = {}): Mention[] {
  return MentionCollector.merge([collectTypescript(files, ctx, () => true, options)]);
}

/**
 * One pass over the files `owns` accepts (all by default); imports are followed into any of `files`.
 * Worker threads each take a share of the files and their parts are merged.
 */
export function collectTypescript(
  files: readonly SourceFile[],
  ctx: DetectContext,
  owns: (path: string) => boolean = () => true,
  options: TypescriptOptions = {},
): TypescriptPart {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const cache = new ModuleCache(sorted, (file, reason) => ctx.skip(file, reason));
  const resolver = new Resolver(cache);
  const out = new MentionCollector();
  const mc: MatchContext = {
    resolver,
    hintForPackage: (pkg) => ctx.providerFor("npm", pkg) ?? pkg.replace(/^@ai-sdk\//, "").replace(/[-/].*$/, ""),
    hintForHost: (host) => ctx.providerFor("host", host) ?? ctx.providerFor("host", host.replace(/:\d+$/, "")),
  };
  for (const file of sorted) {
    if (!owns(file.path) || !isWorthParsing(file, ctx)) continue;
    const tokens = options.tokens !== false && tokenPathFor(file) ? scanLiterals(file.path, withoutBom(file.text), ctx, callCheck(file.text)) : undefined;
    if (tokens) {
      out.absorb(tokens);
      continue;
    }
    const mod = cache.get(file.path);
    if (!mod) continue;
    try {
      visit(mod, mc, ctx, out);
    } catch (error) {
      ctx.skip(file.path, `typescript: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    }
    cache.trim(KEEP_TREES);
  }
  return out.part();
}

/**
 * Files the token scan may answer for (it gives up on those where some call could match an SDK
 * shape): the scanner reads them as the parser would (TypeScript without JSX; JavaScript, which may
 * hold JSX, only when it has no closing tag), and no `\u` escape can spell an identifier. Skipped
 * files (minified, binary) go to the parse path, which notes the skip.
 */
export function tokenPathFor(file: SourceFile): boolean {
  if (!TOKEN_PATH.test(file.path) || file.text.includes("\\u")) return false;
  if (/\.[cm]?js$/.test(file.path) && (file.text.includes("</") || file.text.includes("/>"))) return false;
  return findSkipReason(file) === undefined;
}

function visit(mod: Module, mc: MatchContext, ctx: DetectContext, out: MentionCollector): void {
  mc.aiSdkInFile = mayImportAiSdk(mod.sf.text);
  const specifiers = new Set<ts.Node>();
  const stack: ts.Node[] = [mod.sf];
  const pushChild = (child: ts.Node): void => void stack.push(child);
  while (stack.length > 0) {
    const node = stack.pop()!;
    const spec = moduleSpecifierOf(node);
    if (spec) {
      specifiers.add(spec);
      addProviderImport(spec, mod.path, ctx, out);
    }
    if (tsApi.isCallExpression(node) || tsApi.isNewExpression(node)) {
      const position = matchPosition(node, mc);
      if (position) addPosition(position, mod, mc.resolver, out);
    } else if ((tsApi.isStringLiteralLike(node) || tsApi.isTemplateLiteralToken(node)) && !specifiers.has(node)) {
      addLiteral(node, mod.path, ctx, out);
    }
    // Children pushed, then reversed in place, so that nodes are visited in source order
    // without an array per node (this loop runs for every node of every parsed file).
    const from = stack.length;
    tsApi.forEachChild(node, pushChild);
    for (let i = from, j = stack.length - 1; i < j; i++, j--) [stack[i], stack[j]] = [stack[j]!, stack[i]!];
  }
}

function addPosition(p: Position, mod: Module, resolver: Resolver, out: MentionCollector): void {
  let exprs: ts.Node[] = [p.arg];
  if (p.keys) {
    exprs = [];
    let opaque = false;
    for (const t of resolver.follow(p.arg)) {
      const found = p.keys.map((k) => resolver.propertyOf(t, k, 1)).find((r) => r.found.length > 0);
      if (found) exprs.push(...found.found);
      else opaque ||= p.keys.some((k) => resolver.propertyOf(t, k, 1).opaque);
    }
    if (exprs.length === 0 && opaque && p.strict) exprs = [p.arg];
  }
  const revision = p.revisionFrom ? firstString(resolver, resolver.property(p.revisionFrom, "revision")) : undefined;
  for (const expr of exprs) {
    const site = locationOf(isWithin(expr, p.site) ? expr : p.site, mod.path);
    for (const v of resolver.strings(expr)) {
      const file = resolver.cache.of(v.node).path;
      // A literal written in the call itself needs no `usedAt`; one reached through a name does.
      const usedAt: Location | undefined = isWithin(v.node, p.site) ? undefined : site;
      const base = { via: p.via, evidence: "model-position" as const, ...(p.hint ? { providerHint: p.hint } : {}) };
      if (v.kind === "string") {
        if (v.value.trim() === "") continue;
        const [value, pinned] = p.hint === "replicate" ? splitVersion(v.value) : [v.value, revision];
        const text = tsApi.isStringLiteralLike(v.node) ? v.node.text : v.node.getText();
        addModel(out, file, v.node, { ...base, value, text, ...(pinned ? { revision: pinned } : {}) }, usedAt);
      } else if (!p.stringOnly && (p.strict || p.keys)) {
        const text = expressionText(v.node);
        if (text === "") continue; // a node the parser invented for a syntax error
        addModel(out, file, v.node, { ...base, value: text, text, dynamic: true }, usedAt);
      }
    }
  }
}

function isWithin(inner: ts.Node, outer: ts.Node): boolean {
  return inner.getSourceFile() === outer.getSourceFile() && inner.getStart() >= outer.getStart() && inner.getEnd() <= outer.getEnd();
}

function firstString(resolver: Resolver, nodes: ts.Node[]): string | undefined {
  for (const n of nodes) {
    const v = resolver.strings(n).find((s) => s.kind === "string");
    if (v?.kind === "string") return v.value;
  }
  return undefined;
}

/** Replicate pins a version after the colon: `owner/model:5c7d…`. */
function splitVersion(id: string): [string, string | undefined] {
  const i = id.indexOf(":");
  return i > 0 ? [id.slice(0, i), id.slice(i + 1)] : [id, undefined];
}
