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
import { isDistinctiveModelId } from "../config/model-value.js";
import { addLiteralAt, addProviderSpecifier, packageName, SUBSTRING_METHODS, type Locate } from "./literals.js";
import { mayImportAiSdk } from "./match-call.js";
import { MentionCollector, type TypescriptPart } from "./collector.js";
import { AI_SDK_CALLS, AI_SDK_PACKAGE, AI_SDK_PROVIDER_METHODS, AI_SDK_PROVIDER_PACKAGE, CLASS_HINTS, METHOD_SHAPES } from "./sdk-shapes.js";

const K = tsApi.SyntaxKind;

/** Every name a call shape is matched on (callee names, classes, `pipeline`, HTTP calls). */
const TRIGGERS = new Set([...METHOD_SHAPES.flatMap((s) => s.path), ...Object.keys(CLASS_HINTS), "pipeline", "fetch", "axios", "post"]);
const TRIGGER_WORD = new RegExp(`\\b(?:${[...TRIGGERS].sort().join("|")})\\b`, "g");
const CLASS_NAMES = Object.keys(CLASS_HINTS);

/** What a file's text says about the calls that could be SDK call shapes. */
export interface CallCheck {
  /** Names of some shape present in the file (as words; a superset of its identifiers). */
  words: ReadonlySet<string>;
  /** The file may import `ai` or an AI SDK provider package. */
  aiSdk: boolean;
}

/**
 * Undefined when no call in `text` can match an SDK shape: a shape needs all of its names in the
 * file, an AI SDK call needs an import of an AI SDK package. Otherwise what the token scan needs to
 * look for. A superset test: `\b` also matches inside `$create`.
 */
export function callCheck(text: string): CallCheck | undefined {
  const aiSdk = mayImportAiSdk(text);
  const words = new Set<string>();
  for (const m of text.matchAll(TRIGGER_WORD)) words.add(m[0]);
  if (aiSdk || words.has("pipeline") || words.has("fetch") || (words.has("axios") && words.has("post"))) return { words, aiSdk };
  if (CLASS_NAMES.some((c) => words.has(c))) return { words, aiSdk };
  return METHOD_SHAPES.some((shape) => shape.path.every((w) => words.has(w))) ? { words, aiSdk } : undefined;
}

/** Whether any call in the file can match an SDK shape, given its called names and AI SDK imports. */
function mayMatch(
  check: CallCheck,
  called: ReadonlySet<string>,
  calledOn: ReadonlyMap<string, ReadonlySet<string>>,
  text: string,
  aiSdkBindingUsed: () => boolean,
): boolean {
  const { words } = check;
  if (called.has("pipeline") || called.has("fetch") || (called.has("post") && words.has("axios"))) return true;
  if (CLASS_NAMES.some((c) => called.has(c))) return true;
  let lower: string | undefined;
  for (const shape of METHOD_SHAPES) {
    const last = shape.path[shape.path.length - 1]!;
    if (!called.has(last) || !shape.path.every((w) => words.has(w))) continue;
    // `messages.stream(…)` needs `messages` right before `.stream` (or a wrapper hiding what is there).
    const receivers = calledOn.get(last)!;
    if (shape.path.length > 1 && !receivers.has(ANY) && !receivers.has(shape.path[shape.path.length - 2]!)) continue;
    if (!shape.receiver) return true;
    // The client's name, or its package in an import: spelled out, or possibly behind an escape.
    lower ??= text.toLowerCase();
    const low = lower;
    if (low.includes("\\") || shape.receiver.names.some((n) => low.includes(n))) return true;
  }
  return check.aiSdk && aiSdkBindingUsed();
}

/** Receivers of a called name: unknown (a wrapper hides it), none (a bare call, or not a name). */
const ANY = "\u0000any";
const NONE = "\u0000none";

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
/** Whether a line break comes before the token (automatic semicolons, prefix `++`). */
const breaks: boolean[] = [];

const isName = (kind: number): boolean => kind === K.Identifier || (kind >= K.FirstKeyword && kind <= K.LastKeyword);

/**
 * What the syntax-tree visit would find in a file with no call shapes, from tokens only; undefined
 * when the tokens cannot tell (the caller then parses the file). `text` has no byte-order mark.
 */
export function scanLiterals(file: string, text: string, ctx: DetectContext, check?: CallCheck): TypescriptPart | undefined {
  const sc = (scanner ??= tsApi.createScanner(tsApi.ScriptTarget.Latest, true, tsApi.LanguageVariant.Standard));
  const mayHoldJsx = /\.[cm]?js$/.test(file);
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
  /** With `check`: the names directly called (`name(`, `name?.(`, `name!(`, `name<T>(`), and on what. */
  const called = new Set<string>();
  const calledOn = new Map<string, Set<string>>();

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
        const regex = slashStartsRegex(index, closedControl, sc.hasPrecedingLineBreak());
        if (regex === undefined) return undefined;
        if (regex) {
          kind = sc.reScanSlashToken();
          if (sc.isUnterminated()) return undefined;
        }
      }
      closedControl = false;
      // JavaScript is parsed with JSX: a `<` where an operand starts opens an element, whose text
      // is no string. (Files with closing tags never come here; an unclosed one does.)
      if (kind === K.LessThanToken && mayHoldJsx && afterOperand(index) !== true) return undefined;
      switch (kind) {
        case K.OpenParenToken:
          if (check && !noteCall(index)) return undefined;
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
      breaks[index] = sc.hasPrecedingLineBreak();
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
  if (stack.length > 0 || scanError) return undefined;
  // A call that may match a shape: the syntax tree decides.
  if (check && mayMatch(check, called, calledOn, text, aiSdkBindingUsed)) return undefined;
  return out.part();

  /** Records the name called by the `(` at `index`; false when the callee cannot be told. */
  function noteCall(index: number): boolean {
    // `unwrap` sees through any number of `!`, and `?.(` is still a call: skip them all.
    const skipWrappers = (i: number) => {
      while (kinds[i] === K.QuestionDotToken || kinds[i] === K.ExclamationToken) i--;
      return i;
    };
    let at = skipWrappers(index - 1);
    if (kinds[at] === K.GreaterThanToken) {
      const open = typeArgumentsStart(at);
      if (open === undefined) return false;
      at = skipWrappers(open - 1);
    }
    if (isName(kinds[at] ?? K.Unknown)) noteCalled(nameAt(at), receiverName(at));
    // `(client.messages.create as Fn)(…)`, `(function () {…})()`: the callee is inside the
    // parentheses, so every name there counts as called.
    if (kinds[at] === K.CloseParenToken) {
      let depth = 0;
      for (let i = at; i >= 0; i--) {
        const k = kinds[i]!;
        if (k === K.CloseParenToken) depth++;
        else if (k === K.OpenParenToken && --depth === 0) return true;
        else if (isName(k)) noteCalled(nameAt(i), ANY);
      }
      return false;
    }
    return true;
  }

  /**
   * The name before `.name` at `at` as `calleeChain` would see it: a name, ANY when a wrapper hides
   * it (`(x.messages as T).stream`, `x.messages!.stream`), NONE for a bare call or another receiver.
   */
  function receiverName(at: number): string {
    if (!DOTS.has(kinds[at - 1] ?? K.Unknown)) return NONE;
    const k = kinds[at - 2] ?? K.Unknown;
    if (isName(k)) return nameAt(at - 2);
    return k === K.CloseParenToken || k === K.ExclamationToken ? ANY : NONE;
  }

  function noteCalled(name: string, receiver: string): void {
    called.add(name);
    let receivers = calledOn.get(name);
    if (!receivers) calledOn.set(name, (receivers = new Set()));
    receivers.add(receiver);
  }

  /** Index of the `<` that opens the type arguments ending at the `>` at `at` (within 256 tokens). */
  function typeArgumentsStart(at: number): number | undefined {
    let angles = 0;
    let brackets = 0; // `{ … }`, `( … )`, `[ … ]` inside the type arguments
    for (let i = at; i >= 0 && i > at - 256; i--) {
      const k = kinds[i];
      if (k === K.CloseBraceToken || k === K.CloseParenToken || k === K.CloseBracketToken) brackets++;
      else if (k === K.OpenBraceToken || k === K.OpenParenToken || k === K.OpenBracketToken) {
        if (--brackets < 0) return undefined;
      } else if (brackets > 0) continue;
      else if (k === K.GreaterThanToken) angles++;
      else if (k === K.LessThanToken && --angles === 0) return i;
      else if (k === K.SemicolonToken || k === K.LessThanLessThanToken) return undefined;
    }
    return undefined;
  }

  /**
   * Whether a name an AI SDK import declaration binds is called, or has a provider method called:
   * every AI SDK shape does one (`openai(…)`, `openai.chat(…)`, `createOpenAI(…)`, `generateText(…)`;
   * a provider made by a factory needs the factory called). As `findDeclaration` does, type-only
   * imports bind too; from `ai` only the calls in `AI_SDK_CALLS` count.
   */
  function aiSdkBindingUsed(): boolean {
    const bound = new Set<string>();
    for (let i = 0; i < kinds.length; i++) {
      if (kinds[i] !== K.ImportKeyword || kinds[i + 1] === K.OpenParenToken || kinds[i + 1] === K.DotToken) continue;
      // The clause ends at the `from` before the specifier (`import { from } from "x"` names one too).
      let j = i + 1;
      while (j < kinds.length && !(kinds[j] === K.FromKeyword && kinds[j + 1] === K.StringLiteral) && kinds[j] !== K.SemicolonToken && kinds[j] !== K.ImportKeyword) j++;
      if (kinds[j] !== K.FromKeyword) continue;
      const raw = text.slice(starts[j + 1]! + 1, ends[j + 1]! - 1);
      const pkg = packageName(raw);
      const escaped = raw.includes("\\");
      const fromAi = pkg === AI_SDK_PACKAGE;
      if (!escaped && !fromAi && !(pkg !== undefined && AI_SDK_PROVIDER_PACKAGE.test(pkg))) continue;
      for (let n = i + 1; n < j; n++) {
        if (!isName(kinds[n]!)) continue;
        const name = nameAt(n);
        if (!fromAi || escaped || AI_SDK_CALLS.has(name)) bound.add(name);
      }
    }
    if (bound.size === 0) return false;
    if ([...bound].some((name) => called.has(name))) return true;
    // `openai.chat(…)`, also behind a wrapper: `openai!.chat(…)`, `(openai as P).chat(…)`.
    for (const method of AI_SDK_PROVIDER_METHODS) {
      const receivers = calledOn.get(method);
      if (receivers && (receivers.has(ANY) || [...bound].some((name) => receivers.has(name)))) return true;
    }
    return false;
  }

  /** Strings that can yield a mention; only their context needs to be exact. */
  function isRelevant(site: Site): boolean {
    if (site.value.includes("huggingface.co/") || site.value.includes("hf.co/")) return true;
    if (!site.stringLike) return false;
    // As `addLiteralAt` asks: a letters-only word never counts as a literal, so skip its lookup.
    if (isDistinctiveModelId(site.value) && ctx.isKnownModel(site.value)) return true;
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
    if (site.kind === K.StringLiteral && (before === K.FromKeyword || before === K.ImportKeyword)) {
      // `from` is also a name: `let y = from⏎"…"` is two statements. A line break leaves it to the parser.
      return breaks[index] ? undefined : true;
    }
    if (before !== K.OpenParenToken || !site.stringLike) return false;
    let calleeAt = index - 2;
    if (kinds[calleeAt] === K.QuestionDotToken) calleeAt--; // `require?.("x")` is still `require("x")`
    const callee = kinds[calleeAt] ?? K.Unknown;
    const byRequire = callee === K.RequireKeyword || (callee === K.Identifier && nameAt(calleeAt) === "require");
    if (!byRequire && callee !== K.ImportKeyword && callee !== K.GreaterThanToken) return false;
    // `require<T>("x")`, `require("x",)`: rare shapes left to the parser.
    if (callee === K.GreaterThanToken || next === K.CommaToken) return undefined;
    if (next !== K.CloseParenToken) return false;
    const outer = kinds[calleeAt - 1] ?? K.Unknown;
    if (byRequire) return !DOTS.has(outer) && outer !== K.NewKeyword;
    // `import("x")` is also a type (`Map<K, import("x").T>`, `() => import("x").T`); only after
    // `await` or `return` can it not be one.
    return outer === K.AwaitKeyword || outer === K.ReturnKeyword ? true : undefined;
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
function slashStartsRegex(index: number, closedControl: boolean, lineBreak: boolean): boolean | undefined {
  const prev = kinds[index - 1] ?? K.Unknown;
  if (prev === K.Unknown) return true;
  // After an operand, `/` divides, unless a line break ended the statement before it (`let a⏎/re/`).
  if (prev === K.Identifier || VALUE_END.has(prev) || prev === K.CloseParenToken) {
    if (lineBreak) return undefined;
    if (prev === K.CloseParenToken) return closedControl;
    // A `++` or `--` after a line break is a prefix operator (`a⏎++/re/.lastIndex`).
    if ((prev === K.PlusPlusToken || prev === K.MinusMinusToken) && breaks[index - 1]) return undefined;
    return false;
  }
  // `>` closes type arguments as often as it compares (`x as Array<T> / 2`).
  if (prev === K.CloseBraceToken || prev === K.GreaterThanToken) return undefined;
  if (prev === K.ExclamationToken) {
    // `a! / b` (non-null assertion) divides; `!/re/.test(s)` negates a regular expression test;
    // `a⏎!/re/` is a new statement.
    if (breaks[index - 1]) return undefined;
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
