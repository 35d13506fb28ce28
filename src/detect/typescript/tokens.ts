/**
 * The token path of the TypeScript detector. A file in which no SDK call shape can occur yields
 * only what its strings say (known ids, Hugging Face URLs, provider imports), and for that the
 * scanner's tokens are enough: about ten times cheaper than building the syntax tree. Where the
 * tokens leave a doubt that matters (a regular expression or a division after `}`, an `import(…)`
 * that may be a type), the scan gives up and the caller parses the file as before.
 */
import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import type { DetectContext } from "../../types.js";
import { addLiteralAt, addProviderSpecifier, packageName, SUBSTRING_METHODS, type Locate } from "./literals.js";
import { mayImportAiSdk } from "./match-call.js";
import { MentionCollector, type TypescriptPart } from "./collector.js";
import { CLASS_HINTS, METHOD_SHAPES } from "./sdk-shapes.js";

const K = tsApi.SyntaxKind;

/** Every name a call shape is matched on (callee names, classes, `pipeline`, HTTP calls). */
const TRIGGERS = new Set([...METHOD_SHAPES.flatMap((s) => s.path), ...Object.keys(CLASS_HINTS), "pipeline", "fetch", "axios", "post"]);
const TRIGGER_WORD = new RegExp(`\\b(?:${[...TRIGGERS].sort().join("|")})\\b`, "g");
const CLASS_NAMES = Object.keys(CLASS_HINTS);

/**
 * False only when no call in `text` can match an SDK shape: a shape needs all of its names in the
 * file, an AI SDK call needs an import of an AI SDK package, a receiver-bound shape (`ollama.chat`)
 * needs that client's name. A superset test: `\b` also matches inside `$create`, and a file with
 * `\u` escapes (which can spell an identifier) always counts.
 */
export function mayHoldPosition(text: string): boolean {
  if (text.includes("\\u") || mayImportAiSdk(text)) return true;
  const words = new Set<string>();
  for (const m of text.matchAll(TRIGGER_WORD)) words.add(m[0]);
  if (words.size === 0) return false;
  if (words.has("pipeline") || words.has("fetch") || (words.has("axios") && words.has("post"))) return true;
  if (CLASS_NAMES.some((c) => words.has(c))) return true;
  let lower: string | undefined;
  for (const shape of METHOD_SHAPES) {
    if (!shape.path.every((w) => words.has(w))) continue;
    if (!shape.receiver) return true;
    lower ??= text.toLowerCase();
    const low = lower;
    if (shape.receiver.names.some((n) => low.includes(n))) return true;
  }
  return false;
}

/** Keywords after which `/` starts a regular expression (unless the keyword is a property name). */
const REGEX_AFTER = new Set<number>([
  K.ReturnKeyword, K.TypeOfKeyword, K.InstanceOfKeyword, K.InKeyword, K.NewKeyword, K.DeleteKeyword, K.VoidKeyword,
  K.ThrowKeyword, K.CaseKeyword, K.DoKeyword, K.ElseKeyword,
]);
/** Tokens that end an operand: `/` after them divides. */
const VALUE_END = new Set<number>([
  K.NumericLiteral, K.BigIntLiteral, K.StringLiteral, K.NoSubstitutionTemplateLiteral, K.TemplateTail, K.RegularExpressionLiteral,
  K.PrivateIdentifier, K.CloseBracketToken, K.PlusPlusToken, K.MinusMinusToken, K.ThisKeyword, K.SuperKeyword, K.NullKeyword, K.TrueKeyword, K.FalseKeyword,
]);
const CONTROL = new Set<number>([K.IfKeyword, K.WhileKeyword, K.ForKeyword, K.WithKeyword]);
const DOTS = new Set<number>([K.DotToken, K.QuestionDotToken]);

/** What an open bracket on the stack is. */
const enum Open {
  Paren = 1,
  /** The parenthesis of `if (…)`, `while (…)`, `for (…)`, `with (…)`: a statement follows it. */
  ControlParen,
  Bracket,
  Brace,
  /** `${` inside a template literal. */
  Template,
}

/** Deeper than this, the parser's recursion may fail; the caller's parse decides what happens. */
const MAX_DEPTH = 200;

let scanner: ts.Scanner | undefined;
/** Kinds and offsets of the current file's significant tokens, reused from file to file. */
const kinds: number[] = [];
const starts: number[] = [];
const ends: number[] = [];

const isName = (kind: number): boolean => kind === K.Identifier || (kind >= K.FirstKeyword && kind <= K.LastKeyword);

/**
 * What the syntax-tree visit would find in a file with no call shapes, from tokens only; undefined
 * when the tokens cannot tell (the caller then parses the file). `text` has no byte-order mark.
 */
export function scanLiterals(file: string, text: string, ctx: DetectContext): TypescriptPart | undefined {
  const sc = (scanner ??= tsApi.createScanner(tsApi.ScriptTarget.Latest, true, tsApi.LanguageVariant.Standard));
  let scanError = false;
  sc.setOnError(() => void (scanError = true));
  sc.setText(text);
  const out = new MentionCollector();
  // TypeScript's own line counting (it caches the line starts on this object), as the parse path uses.
  // (`ts.getLineAndCharacterOfPosition` reads only `text` and its own cached `lineMap`.)
  const lines = { text } as ts.SourceFileLike;
  const locate: Locate = (pos) => tsApi.getLineAndCharacterOfPosition(lines, pos);

  kinds.length = 0;
  const nameAt = (i: number): string => text.slice(starts[i], ends[i]);
  const stack: Open[] = [];
  /** Index in `kinds` of the token before each open parenthesis on the stack (-1: none). */
  const calleeAt: number[] = [];
  /** A relevant string whose role depends on the token after it. */
  let pending: { site: Site; index: number } | undefined;
  let closedControl = false;

  try {
    for (;;) {
      let kind: number = sc.scan();
      const index = kinds.length;
      if (pending) {
        if (!settle(pending.site, pending.index, kind)) return undefined;
        pending = undefined;
      }
      if (scanError) return undefined;
      if (kind === K.EndOfFileToken) break;
      if (kind === K.SlashToken || kind === K.SlashEqualsToken) {
        const regex = slashStartsRegex(index, closedControl);
        if (regex === undefined) return undefined;
        if (regex) {
          kind = sc.reScanSlashToken();
          if (sc.isUnterminated()) return undefined;
        }
      }
      closedControl = false;
      switch (kind) {
        case K.OpenParenToken:
          stack.push(opensControl(index) ? Open.ControlParen : Open.Paren);
          calleeAt.push(index - 1);
          break;
        case K.CloseParenToken: {
          const open = stack.pop();
          calleeAt.pop();
          if (open !== Open.Paren && open !== Open.ControlParen) return undefined;
          closedControl = open === Open.ControlParen;
          break;
        }
        case K.OpenBracketToken:
          stack.push(Open.Bracket);
          break;
        case K.CloseBracketToken:
          if (stack.pop() !== Open.Bracket) return undefined;
          break;
        case K.OpenBraceToken:
          stack.push(Open.Brace);
          break;
        case K.TemplateHead:
          stack.push(Open.Template);
          break;
        case K.CloseBraceToken: {
          const open = stack.pop();
          if (open === Open.Template) {
            kind = sc.reScanTemplateToken(false);
            if (kind === K.TemplateMiddle) stack.push(Open.Template);
          } else if (open !== Open.Brace) {
            return undefined;
          }
          break;
        }
      }
      if (stack.length > MAX_DEPTH) return undefined;
      kinds.push(kind);
      starts[index] = sc.getTokenStart();
      ends[index] = sc.getTokenEnd();
      if (kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral || kind === K.TemplateHead || kind === K.TemplateMiddle || kind === K.TemplateTail) {
        if (sc.isUnterminated()) return undefined;
        const site: Site = {
          value: sc.getTokenValue(),
          start: sc.getTokenStart(),
          end: sc.getTokenEnd(),
          stringLike: kind === K.StringLiteral || kind === K.NoSubstitutionTemplateLiteral,
          kind,
        };
        if (isRelevant(site)) pending = { site, index };
      }
    }
  } catch {
    return undefined;
  }
  // Unbalanced brackets or a scanner error: the parser's recovery decides what the file says.
  return stack.length === 0 && !scanError ? out.part() : undefined;

  /** Strings that can yield a mention; only their context needs to be exact. */
  function isRelevant(site: Site): boolean {
    if (site.value.includes("huggingface.co/") || site.value.includes("hf.co/")) return true;
    if (!site.stringLike) return false;
    if (ctx.isKnownModel(site.value)) return true;
    const pkg = packageName(site.value);
    return pkg !== undefined && ctx.providerFor("npm", pkg) !== undefined;
  }

  /** Decides the role of a relevant string now that the next token is known; false: cannot tell. */
  function settle(site: Site, index: number, next: number): boolean {
    const role = specifierRole(site, index, next);
    if (role === undefined) return false;
    if (role) {
      addProviderSpecifier(site.value, site.start, site.end, file, ctx, out, locate);
      return true;
    }
    let doubt = false;
    const substring = () => {
      const answer = isSubstringArgument(index, next);
      doubt = answer === undefined;
      return answer ?? false;
    };
    addLiteralAt(site, text, substring, file, ctx, out, locate);
    return !doubt;
  }

  /** Whether the string at `index` is an import's specifier; undefined when the tokens cannot tell. */
  function specifierRole(site: Site, index: number, next: number): boolean | undefined {
    const before = kinds[index - 1] ?? K.Unknown;
    if (site.kind === K.StringLiteral && (before === K.FromKeyword || before === K.ImportKeyword)) return true;
    if (before !== K.OpenParenToken || !site.stringLike) return false;
    const callee = kinds[index - 2] ?? K.Unknown;
    const byRequire = callee === K.RequireKeyword || (callee === K.Identifier && nameAt(index - 2) === "require");
    if (!byRequire && callee !== K.ImportKeyword && callee !== K.GreaterThanToken) return false;
    // `require<T>("x")`, `require("x",)`: rare shapes left to the parser.
    if (callee === K.GreaterThanToken || next === K.CommaToken) return undefined;
    if (next !== K.CloseParenToken) return false;
    const outer = kinds[index - 3] ?? K.Unknown;
    if (byRequire) return !DOTS.has(outer) && outer !== K.NewKeyword;
    // `import("x")` is also a type (`Map<K, import("x").T>`); only where a type cannot be is it sure.
    return outer === K.AwaitKeyword || outer === K.ReturnKeyword || outer === K.EqualsGreaterThanToken ? true : undefined;
  }

  /**
   * Whether the string at `index` is a whole argument of `x.startsWith(…)` and the like, which
   * tests a prefix and names no model. Undefined when the tokens cannot tell.
   */
  function isSubstringArgument(index: number, next: number): boolean | undefined {
    const before = kinds[index - 1];
    if (stack[stack.length - 1] !== Open.Paren || (before !== K.OpenParenToken && before !== K.CommaToken)) return false;
    if (next !== K.CommaToken && next !== K.CloseParenToken) return false;
    let at = calleeAt[calleeAt.length - 1]!;
    if (kinds[at] === K.GreaterThanToken) return undefined; // `x.includes<T>(…)`
    if (kinds[at] === K.QuestionDotToken) at--; // `x.includes?.(…)`
    if (!isName(kinds[at] ?? K.Unknown) || !SUBSTRING_METHODS.has(nameAt(at)) || !DOTS.has(kinds[at - 1] ?? K.Unknown)) return false;
    return isCall(at);
  }

  /** Whether the member chain ending at the name at `at` is called, not `new`-ed. */
  function isCall(at: number): boolean | undefined {
    let i = at - 1;
    while (i > 0 && DOTS.has(kinds[i]!)) {
      const k = kinds[i - 1]!;
      if (isName(k)) {
        i -= 2;
        continue;
      }
      // A call or index inside the chain (`a.b().includes`): `new` could only bind before it.
      return k === K.CloseParenToken || k === K.CloseBracketToken ? undefined : true;
    }
    return kinds[i] === K.NewKeyword ? false : true;
  }
}

interface Site {
  value: string;
  start: number;
  end: number;
  stringLike: boolean;
  kind: number;
}

/** Whether the `(` at `index` follows `if`, `while`, `for`, `for await` or `with` (a statement follows its `)`). */
function opensControl(index: number): boolean {
  let i = index - 1;
  if (kinds[i] === K.AwaitKeyword && kinds[i - 1] === K.ForKeyword) i--;
  return CONTROL.has(kinds[i] ?? K.Unknown) && !DOTS.has(kinds[i - 1] ?? K.Unknown);
}

/** Whether a `/` at `index` starts a regular expression; undefined where only the parser knows. */
function slashStartsRegex(index: number, closedControl: boolean): boolean | undefined {
  const prev = kinds[index - 1] ?? K.Unknown;
  if (prev === K.Unknown) return true;
  if (prev === K.Identifier || VALUE_END.has(prev)) return false;
  if (prev === K.CloseParenToken) return closedControl;
  if (prev === K.CloseBraceToken) return undefined;
  if (prev === K.ExclamationToken) {
    // `a! / b` (non-null assertion) divides; `!/re/.test(s)` negates a regular expression test.
    const operand = afterOperand(index - 1);
    return operand === undefined ? undefined : !operand;
  }
  const operand = afterOperand(index);
  return operand === undefined ? undefined : !operand;
}

/** Whether the token before `index` ends an operand (then `/` divides); undefined when unclear. */
function afterOperand(index: number): boolean | undefined {
  const prev = kinds[index - 1] ?? K.Unknown;
  if (prev === K.Unknown) return false;
  if (prev === K.Identifier || VALUE_END.has(prev)) return true;
  if (prev === K.CloseParenToken || prev === K.CloseBraceToken) return undefined;
  if (isName(prev)) {
    if (DOTS.has(kinds[index - 2] ?? K.Unknown)) return true; // a property: `x.delete`
    return REGEX_AFTER.has(prev) ? false : undefined; // `return /re/`; `of`, `await`, `type`… are unclear
  }
  return false;
}
