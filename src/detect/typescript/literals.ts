import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import type { DetectContext, SourceFile } from "../../types.js";
import { isDistinctiveModelId } from "../config/model-value.js";
import { spanOf, type MentionCollector } from "./mentions.js";
import { requiredSpecifier } from "./scope.js";

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

const SUBSTRING_METHODS = new Set(["startsWith", "endsWith", "includes", "indexOf", "lastIndexOf", "match", "search", "split", "replace", "replaceAll"]);

/** `modelId.startsWith("gpt-4")` tests a family prefix; it does not name the model it is given. */
function isSubstringTest(node: ts.Node): boolean {
  const call = node.parent;
  if (!call || !tsApi.isCallExpression(call) || !call.arguments.includes(node as ts.Expression)) return false;
  return tsApi.isPropertyAccessExpression(call.expression) && SUBSTRING_METHODS.has(call.expression.name.text);
}

/** `@scope/pkg/sub` → `@scope/pkg`, `pkg/sub` → `pkg`; relative, absolute and `node:` specifiers → undefined. */
export function packageName(specifier: string): string | undefined {
  if (/^(\.|\/|node:|[a-z]+:\/\/)/i.test(specifier) || specifier === "") return undefined;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/** The specifier string of an import, export-from, `require()` or `import()`, when `node` is one. */
export function moduleSpecifierOf(node: ts.Node): ts.StringLiteralLike | undefined {
  if ((tsApi.isImportDeclaration(node) || tsApi.isExportDeclaration(node)) && node.moduleSpecifier && tsApi.isStringLiteral(node.moduleSpecifier)) {
    return node.moduleSpecifier;
  }
  if (tsApi.isImportEqualsDeclaration(node) && tsApi.isExternalModuleReference(node.moduleReference) && tsApi.isStringLiteral(node.moduleReference.expression)) {
    return node.moduleReference.expression;
  }
  if (requiredSpecifier(node) !== undefined) return (node as ts.CallExpression).arguments[0] as ts.StringLiteralLike;
  return undefined;
}

export function addProviderImport(spec: ts.StringLiteralLike, file: string, ctx: DetectContext, out: MentionCollector): void {
  const pkg = packageName(spec.text);
  const provider = pkg ? ctx.providerFor("npm", pkg) : undefined;
  if (!pkg || !provider) return;
  const { start: _s, end: _e, ...span } = spanOf(spec, true);
  out.addProvider({ kind: "provider", file, ...span, value: provider, text: spec.text, detector: "typescript", via: pkg });
}

/** A string in code: a known model id (catalogs, unions, lists) or a Hugging Face model URL. */
export function addLiteral(node: ts.LiteralLikeNode, file: string, ctx: DetectContext, out: MentionCollector): void {
  if (tsApi.isStringLiteralLike(node) && isDistinctiveModelId(node.text) && !isSubstringTest(node) && ctx.isKnownModel(node.text)) {
    const { start: _s, end: _e, ...span } = spanOf(node, true);
    out.addLiteral({ file, span, fields: { value: node.text, text: node.text, evidence: "literal" } });
    return;
  }
  if (!node.text.includes("huggingface.co/") && !node.text.includes("hf.co/")) return;
  const sf = node.getSourceFile();
  // The raw source after the opening quote, backtick or `}`, so offsets match the file.
  const contentStart = node.getStart(sf) + 1;
  const raw = sf.text.slice(contentStart, node.getEnd());
  for (const m of raw.matchAll(HUB_URL)) {
    const [url, org, rawName, revision] = m;
    const name = rawName!.replace(/\.git$/, "");
    if (HUB_PAGES.has(org!.toLowerCase())) continue;
    const start = contentStart + m.index;
    const end = start + url.length;
    const a = sf.getLineAndCharacterOfPosition(start);
    const b = sf.getLineAndCharacterOfPosition(end);
    const span = { line: a.line + 1, column: a.character + 1, endLine: b.line + 1, endColumn: b.character + 1 };
    out.addLiteral({ file, span, fields: { value: `${org}/${name}`, text: url, evidence: "url", providerHint: "huggingface", ...(revision ? { revision } : {}) } });
  }
}
