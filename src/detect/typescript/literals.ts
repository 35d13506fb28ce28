import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import type { DetectContext, SourceFile, Span } from "../../types.js";
import { isDistinctiveModelId } from "../config/model-value.js";
import type { MentionCollector } from "./collector.js";
import { requiredSpecifier } from "./scope.js";

const K = tsApi.SyntaxKind;

/** First path segments of huggingface.co that are pages, not model repositories. */
const HUB_PAGES = new Set([
  "datasets", "spaces", "docs", "blog", "models", "papers", "learn", "join", "login", "settings", "pricing", "api",
  "collections", "organizations", "tasks", "new", "posts", "chat", "changelog", "enterprise", "inference-endpoints",
  "welcome", "terms-of-service", "privacy", "courses", "search", "support", "brand", "hub", "transformers", "pro",
  "huggingface", "oauth", "storage", "inference", "notifications",
]);
const HUB_URL = /https?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)(?:\/(?:resolve|tree|blob)\/([\w.-]+))?/g;

const KEYWORDS = /model|pipeline|pretrained|huggingface|replicate|ollama|openai|anthropic|ai-sdk|langchain|generative|genai|vertex|mistral|groq|cohere|deepseek|bedrock/i;
const QUOTED = /(["'`])([^"'`\n\\]{1,200})\1/g;

/** Cheap text test before parsing: no keyword, no known id and no SDK import means nothing to find. */
export function isWorthParsing(file: SourceFile, ctx: DetectContext): boolean {
  if (KEYWORDS.test(file.text)) return true;
  for (const match of file.text.matchAll(QUOTED)) {
    const token = match[2]!;
    if (ctx.isKnownModel(token) || ctx.providerFor("npm", packageName(token) ?? "") !== undefined) return true;
  }
  return false;
}

export const SUBSTRING_METHODS: ReadonlySet<string> = new Set(["startsWith", "endsWith", "includes", "indexOf", "lastIndexOf", "match", "search", "split", "replace", "replaceAll"]);

/** `modelId.startsWith("gpt-4")` tests a family prefix; it does not name the model it is given. */
function isSubstringTest(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !tsApi.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return false;
  return tsApi.isPropertyAccessExpression(call.expression) && SUBSTRING_METHODS.has(call.expression.name.text);
}

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`; relative, absolute and `node:` specifiers → undefined. */
export function packageName(specifier: string): string | undefined {
  // Asked of every string the token scan meets: plain string operations, no regular expression.
  const first = specifier.charCodeAt(0);
  if (specifier === "" || first === 46 /* . */ || first === 47 /* / */ || specifier.slice(0, 5).toLowerCase() === "node:") return undefined;
  const slash = specifier.indexOf("/");
  if (slash > 0 && specifier.startsWith("://", slash - 1) && /^[a-z]+$/i.test(specifier.slice(0, slash - 1))) return undefined;
  if (first !== 64 /* @ */) return slash === -1 ? specifier : specifier.slice(0, slash);
  const second = slash === -1 ? -1 : specifier.indexOf("/", slash + 1);
  return second === -1 ? specifier : specifier.slice(0, second);
}

/** The specifier string of an import, export-from, `require()` or `import()`, when `node` is one. */
export function moduleSpecifierOf(node: ts.Node): ts.StringLiteralLike | undefined {
  // Called for every node: most kinds are none of these.
  const kind = node.kind;
  if (kind !== K.ImportDeclaration && kind !== K.ExportDeclaration && kind !== K.ImportEqualsDeclaration && kind !== K.CallExpression) return undefined;
  if ((tsApi.isImportDeclaration(node) || tsApi.isExportDeclaration(node)) && node.moduleSpecifier && tsApi.isStringLiteral(node.moduleSpecifier)) {
    return node.moduleSpecifier;
  }
  if (tsApi.isImportEqualsDeclaration(node) && tsApi.isExternalModuleReference(node.moduleReference) && tsApi.isStringLiteral(node.moduleReference.expression)) {
    return node.moduleReference.expression;
  }
  if (requiredSpecifier(node) !== undefined) return (node as ts.CallExpression).arguments[0] as ts.StringLiteralLike;
  return undefined;
}

/** A provider package named by an import's specifier string. */
export function addProviderImport(spec: ts.StringLiteralLike, file: string, ctx: DetectContext, out: MentionCollector): void {
  const sf = spec.getSourceFile();
  addProviderSpecifier(spec.text, spec.getStart(sf), spec.getEnd(), file, ctx, out, (pos) => sf.getLineAndCharacterOfPosition(pos));
}

/** Where an offset of the file is, as TypeScript counts lines (0-based line and character). */
export type Locate = (pos: number) => ts.LineAndCharacter;

/** `addProviderImport` on a specifier given as text and the offsets of its quotes. */
export function addProviderSpecifier(text: string, start: number, end: number, file: string, ctx: DetectContext, out: MentionCollector, locate: Locate): void {
  const pkg = packageName(text);
  const provider = pkg ? ctx.providerFor("npm", pkg) : undefined;
  if (!pkg || !provider) return;
  out.addProvider({ kind: "provider", file, ...innerSpan(start, end, true, locate), value: provider, text, detector: "typescript", via: pkg });
}

/** A string in code: a known model id (catalogs, unions, lists) or a Hugging Face model URL. */
export function addLiteral(node: ts.LiteralLikeNode, file: string, ctx: DetectContext, out: MentionCollector): void {
  const sf = node.getSourceFile();
  const site: StringSite = { value: node.text, start: node.getStart(sf), end: node.getEnd(), stringLike: tsApi.isStringLiteralLike(node) };
  addLiteralAt(site, sf.text, () => isSubstringTest(node), file, ctx, out, (pos) => sf.getLineAndCharacterOfPosition(pos));
}

/** A string or template part of the source: its cooked value and the offsets of its token. */
export interface StringSite {
  value: string;
  /** Offset of the opening quote (or backtick, or the `}` that resumes a template). */
  start: number;
  end: number;
  /** A whole string (`"…"` or a template without substitutions), not a template part. */
  stringLike: boolean;
}

/** `addLiteral` for a string known by its offsets; the syntax tree and the token scan both use it. */
export function addLiteralAt(
  site: StringSite,
  text: string,
  isSubstringArgument: () => boolean,
  file: string,
  ctx: DetectContext,
  out: MentionCollector,
  locate: Locate,
): void {
  const { value } = site;
  if (site.stringLike && isDistinctiveModelId(value) && ctx.isKnownModel(value) && !isSubstringArgument()) {
    out.addLiteral({ file, span: innerSpan(site.start, site.end, true, locate), fields: { value, text: value, evidence: "literal" } });
    return;
  }
  if (!value.includes("huggingface.co/") && !value.includes("hf.co/")) return;
  // The raw source after the opening quote, backtick or `}`, so offsets match the file.
  const contentStart = site.start + 1;
  const raw = text.slice(contentStart, site.end);
  for (const m of raw.matchAll(HUB_URL)) {
    const [url, org, rawName, revision] = m;
    const name = rawName!.replace(/\.git$/, "");
    if (HUB_PAGES.has(org!.toLowerCase())) continue;
    const start = contentStart + m.index;
    const span = innerSpan(start, start + url.length, false, locate);
    out.addLiteral({ file, span, fields: { value: `${org}/${name}`, text: url, evidence: "url", providerHint: "huggingface", ...(revision ? { revision } : {}) } });
  }
}

/** 1-based span of `start..end`, inside the quotes when `quoted`. */
function innerSpan(start: number, end: number, quoted: boolean, locate: Locate): Span {
  const a = locate(start + (quoted ? 1 : 0));
  const b = locate(end - (quoted ? 1 : 0));
  return { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
}
