/**
 * The token path of the TypeScript detector must say exactly what the syntax tree says, or give
 * up (the file is then parsed). Three checks: a table of the shapes that make tokens ambiguous, every
 * JS/TS fixture file, and fast-check files assembled from realistic statements, each run with the
 * token path on and off.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectTypescript, tokenPathFor } from "../src/detect/typescript/index.js";
import { packageName } from "../src/detect/typescript/literals.js";
import { tsApi } from "../src/detect/typescript/ts.js";
import { callCheck, scanLiterals } from "../src/detect/typescript/tokens.js";
import type { SourceFile } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

const KNOWN = ["gpt-4o", "gpt-4o-mini", "gpt-4", "claude-3-5-sonnet-20241022", "text-davinci-003", "mistral-large-latest"];
const PROVIDERS = {
  "npm:openai": "openai", "npm:@ai-sdk/anthropic": "anthropic", "npm:@ai-sdk/openai": "openai", "npm:@anthropic-ai/sdk": "anthropic",
  "host:api.openai.com": "openai",
};

const bothWays = (files: SourceFile[]) => {
  const on = detectTypescript(files, makeContext(KNOWN, PROVIDERS));
  const off = detectTypescript(files, makeContext(KNOWN, PROVIDERS), { tokens: false });
  return { on, off };
};

/** `tokens`: the scan answers and matches the tree; `parse`: the scan gives up on this file. */
const ROWS: { name: string; code: string; path?: string; expect: "tokens" | "parse"; mentions: number }[] = [
  { name: "catalog array and union type", code: 'export const MODELS = ["gpt-4o", "gpt-4o-mini"] as const;\nexport type Model = "gpt-4" | (typeof MODELS)[number];\n', expect: "tokens", mentions: 3 },
  { name: "import of a provider package", code: 'import type { ChatModel } from "openai";\nexport { x } from "@anthropic-ai/sdk";\n', expect: "tokens", mentions: 2 },
  { name: "side-effect import and require", code: 'import "openai";\nconst sdk = require("@anthropic-ai/sdk");\n', expect: "tokens", mentions: 2 },
  { name: "awaited dynamic import", code: 'export async function load() {\n  return await import("openai");\n}\n', expect: "tokens", mentions: 1 },
  { name: "a known id as import specifier is not a literal", code: 'import x from "gpt-4o";\n', expect: "tokens", mentions: 0 },
  { name: "property require is not a specifier", code: 'const a = loader.require("openai");\nconst b = new require("openai");\n', expect: "tokens", mentions: 0 },
  { name: "prefix tests name no model", code: 'if (id.startsWith("gpt-4")) go();\nconst b = id?.includes?.("gpt-4o", 0);\nconst c = s.replace("gpt-4o", "x");\n', expect: "tokens", mentions: 0 },
  { name: "an expression argument of a prefix test still names", code: 'const a = id.includes("gpt-4o" as string);\nconst b = id.includes(("gpt-4o"));\n', expect: "tokens", mentions: 2 },
  { name: "new of a member named like a prefix test", code: 'const a = new lib.includes("gpt-4o");\n', expect: "tokens", mentions: 1 },
  { name: "prefix test on a call result is left to the parser", code: 'const a = String(id).includes("gpt-4o");\n', expect: "parse", mentions: 0 },
  { name: "prefix test with type arguments is left to the parser", code: 'const a = id.includes<string>("gpt-4o");\n', expect: "parse", mentions: 0 },
  { name: "regular expression after if (…)", code: 'if (ok) /"gpt-4"/.test(s);\nconst m = "gpt-4o";\n', expect: "tokens", mentions: 1 },
  { name: "division after a call", code: 'const half = size(a) / 2; const m = "gpt-4o"; const q = n / 3;\n', expect: "tokens", mentions: 1 },
  { name: "non-null assertion then division; negated regex test", code: 'const a = n! / 2 / "gpt-4o".length;\nconst b = !/gpt/.test("gpt-4");\nreturn /x/;\n', expect: "tokens", mentions: 2 },
  { name: "regular expression holding quotes", code: 'const re = /["\'`]gpt-4o\\//g;\nconst m = \'claude-3-5-sonnet-20241022\';\n', expect: "tokens", mentions: 1 },
  { name: "comments hide strings", code: '// "gpt-4o"\n/* \'gpt-4\' */\nconst ok = 1;\n', expect: "tokens", mentions: 0 },
  { name: "nested templates and hub URLs", code: 'const u = `see https://huggingface.co/google/gemma-2b/resolve/main/x ${a + `in ${"gpt-4o"}`} https://hf.co/org/name`;\n', expect: "tokens", mentions: 3 },
  { name: "object keys and enum members", code: 'const prices = { "gpt-4o": 1, ["gpt-4"]: 2 };\nenum M { A = "text-davinci-003", "mistral-large-latest" = 1 }\n', expect: "tokens", mentions: 4 },
  { name: "CRLF and a byte-order mark", code: '\uFEFFconst a = 1;\r\nconst m = "gpt-4o";\r\n', expect: "tokens", mentions: 1 },
  { name: "division after a block is left to the parser", code: 'function f() {} /re/.test("gpt-4o");\n', expect: "parse", mentions: 0 },
  { name: "import() that may be a type is left to the parser", code: 'let m: Map<string, import("openai").ChatModel>;\n', expect: "parse", mentions: 0 },
  { name: "unterminated string is left to the parser", code: 'const m = "gpt-4o\n', expect: "parse", mentions: 0 },
  { name: "unbalanced brackets are left to the parser", code: 'const m = ["gpt-4o";\n', expect: "parse", mentions: 0 },
  { name: "an SDK call shape is left to the parser", code: 'const r = await client.chat.completions.create({ model: "gpt-4o" });\n', expect: "parse", mentions: 1 },
  { name: "shape names that are never called", code: '// see messages.create\nconst create = "gpt-4o";\nexport const messages = [create];\n', expect: "tokens", mentions: 1 },
  { name: "a shape's last name called on something else", code: 'const messages = ["gpt-4o"];\nconst s = result.stream();\n', expect: "tokens", mentions: 1 },
  { name: "a shape's receiver behind a non-null assertion", code: 'const s = client.messages!.stream({ model: "claude-3-5-sonnet-20241022" });\n', expect: "parse", mentions: 1 },
  { name: "a parenthesized callee", code: '(client.messages.create as Create)({ model: "claude-3-5-sonnet-20241022" });\n', expect: "parse", mentions: 1 },
  { name: "generic calls with object types", code: 'const v = validate<Record<string, { id: "gpt-4" }>>(input);\n', expect: "tokens", mentions: 1 },
  { name: "AI SDK provider called", code: 'import { openai } from "@ai-sdk/openai";\nexport const m = openai("gpt-4o-mini");\n', expect: "parse", mentions: 2 },
  { name: "AI SDK provider method called", code: 'import { openai } from "@ai-sdk/openai";\nexport const m = openai?.chat("gpt-4o-mini");\n', expect: "parse", mentions: 2 },
  { name: "AI SDK tools and types only", code: 'import { openai } from "@ai-sdk/openai";\nimport type { OpenAIProvider } from "@ai-sdk/openai";\nlet p: OpenAIProvider;\nconst search = openai.tools.webSearch({});\n', expect: "tokens", mentions: 2 },
  { name: "from ai, only the model calls count", code: 'import { generateText, tool } from "ai";\nexport const t = tool({ description: "gpt-4o" });\n', expect: "tokens", mentions: 1 },
  { name: "generateText from ai", code: 'import { generateText } from "ai";\nawait generateText({ model: "openai/gpt-4o", prompt: "hi" });\n', expect: "parse", mentions: 1 },
];

describe("TypeScript token path", () => {
  it.each(ROWS)("$name", ({ code, path = "src/models.ts", expect: route, mentions }) => {
    const file = { path, text: code };
    expect(tokenPathFor(file)).toBe(true);
    const text = code.replace(/^\uFEFF/, "");
    const part = scanLiterals(path, text, makeContext(KNOWN, PROVIDERS), callCheck(text));
    expect(part === undefined ? "parse" : "tokens").toBe(route);
    const { on, off } = bothWays([file]);
    expect(on).toEqual(off);
    if (route === "tokens") expect(on).toHaveLength(mentions);
  });

  // Shapes a review found where tokens once answered differently from the tree.
  it.each([
    ["a.ts", 'client.chat.completions.create!!({ model: "gpt-4o" });'],
    ["a.ts", 'client.chat.completions.create!?.({ model: "gpt-4o" });'],
    ["a.ts", 'client.chat.completions.create!<T>({ model: process.env.MODEL });'],
    ["a.ts", 'const l = new ChatOpenAI!!({ model: "gpt-4o" });'],
    ["a.ts", 'import type { generateText } from "ai";\ngenerateText({ model: "gpt-4o" });'],
    ["a.ts", 'import { type openai } from "@ai-sdk/openai";\nopenai("gpt-4o");'],
    ["a.ts", 'import { from, openai } from "@ai-sdk/openai";\nopenai("gpt-4o");'],
    ["a.ts", 'import { openai as declare } from "@ai-sdk/openai";\ndeclare("gpt-4o");'],
    ["a.ts", 'import { openai } from "@ai-sdk/openai";\nopenai!.chat("gpt-4o");'],
    ["a.ts", 'import { openai } from "@ai-sdk/openai";\n(openai as any).chat("my-model");'],
    ["a.ts", 'import c from "\\x6fllama";\nc.generate({ model: "gpt-4o" });'],
    ["a.ts", 'import { generateText } from "\\ai";\ngenerateText({ model: "openai/gpt-4o" });'],
    ["a.ts", 'import { openai } from "@ai-sdk/open\\\nai";\nopenai("gpt-4o");'],
    ["a.ts", 'let a: Foo\n/"gpt-4o"/.test(s);'],
    ["a.js", 'let a\n/"gpt-4o"/.test(s);'],
    ["a.ts", 'import x from "y"\n/"gpt-4o"/.test(s);'],
    ["a.ts", 'declare function f(x)\n/"gpt-4o"/.test(s);'],
    ["a.ts", 'loop: for (;;) { break loop\n/"gpt-4o"/.test(s) }'],
    ["a.ts", 'a\n++/"gpt-4o"/.lastIndex;'],
    ["a.ts", 'a\n!/"gpt-4o"/.test(s);'],
    ["a.ts", 'const y = x as Array<Foo> / "gpt-4o" / 2;'],
    ["a.ts", 'let f: () => import("openai").X;'],
    ["a.ts", 'const m = require?.("openai");'],
    ["a.ts", 'const from = 1; let y = from\n"gpt-4o";'],
    ["a.js", 'x = <a>"gpt-4o"'],
  ])("agrees with the syntax tree: %s %j", (path, text) => {
    const { on, off } = bothWays([{ path, text }]);
    expect(on).toEqual(off);
  });

  it("checks calls only where some shape's names, or an AI SDK import, are in the text", () => {
    expect(callCheck('const r = await client.chat.completions.create({ model: "gpt-4o" });')).toBeDefined();
    expect(callCheck('import { openai } from "@ai-sdk/openai";')?.aiSdk).toBe(true);
    expect(callCheck('import { z } from "@ai-sdk/provider-utils";')).toBeUndefined();
    expect(callCheck('const llm = new ChatOpenAI({ model });')).toBeDefined();
    expect(callCheck('const r = await store.save({ id });')).toBeUndefined();
  });

  it("keeps JSX and identifier escapes on the parse path", () => {
    expect(tokenPathFor({ path: "src/a.ts", text: 'const s = "\\u0063reate";' })).toBe(false);
    expect(tokenPathFor({ path: "web/view.tsx", text: 'const m = "gpt-4o";' })).toBe(false);
    expect(tokenPathFor({ path: "web/view.js", text: 'const v = <p>"gpt-4o"</p>;' })).toBe(false);
    expect(tokenPathFor({ path: "lib/models.js", text: 'const m = "gpt-4o";' })).toBe(true);
  });

  it("says what the syntax tree says on every JS/TS fixture file", () => {
    const files = fixtureSources();
    expect(files.length).toBeGreaterThan(20);
    expect(files.filter(tokenPathFor).length).toBeGreaterThan(0);
    const { on, off } = bothWays(files);
    expect(on).toEqual(off);
  });

  it("says what the syntax tree says on generated files", () => {
    const statement = fc.constantFrom(...STATEMENTS);
    const file = fc.record({
      lines: fc.array(statement, { minLength: 1, maxLength: 12 }),
      eol: fc.constantFrom("\n", "\r\n", "\n\n  "),
      bom: fc.boolean(),
      path: fc.constantFrom("src/a.ts", "lib/b.js", "lib/c.mts", "lib/d.cjs"),
    });
    let answered = 0;
    fc.assert(
      fc.property(file, ({ lines, eol, bom, path }) => {
        const text = (bom ? "\uFEFF" : "") + lines.join(eol) + eol;
        const bare = text.replace(/^\uFEFF/, "");
        if (tokenPathFor({ path, text }) && scanLiterals(path, bare, makeContext(KNOWN, PROVIDERS), callCheck(bare))) answered++;
        const { on, off } = bothWays([{ path, text }]);
        expect(on).toEqual(off);
      }),
      { numRuns: 600, seed: 20261128 },
    );
    // Most generated files are answered by tokens, so the comparison exercised that path.
    expect(answered).toBeGreaterThan(100);
  });
});

describe("packageName", () => {
  it("gives what the regular-expression version gave", () => {
    const reference = (s: string) => {
      if (/^(\.|\/|node:|[a-z]+:\/\/)/i.test(s) || s === "") return undefined;
      const parts = s.split("/");
      return s.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
    };
    const text = fc.stringMatching(/^[a-zA-Z@.:\/ 1-]{0,12}$/);
    fc.assert(fc.property(text, (s) => {
        expect(packageName(s)).toBe(reference(s));
      }), { numRuns: 5000, seed: 20261128 });
    for (const s of ["node:fs", "NODE:x", "https://a/b", "@ai-sdk/openai/internal", "openai/resources", "@scope"]) expect(packageName(s)).toBe(reference(s));
  });
});

describe("TypeScript token path on edited real files", () => {
  // Fixture files with fragments inserted at random places. A file the edit left with syntax errors
  // is skipped: there the parser's error recovery drops or regroups tokens, which no token scan
  // can foresee (both answers are then reasonable readings of a broken file).
  it("says what the syntax tree says wherever the edited file still parses", () => {
    const sources = fixtureSources().filter((f) => /\.[cm]?[jt]s$/.test(f.path));
    const fragments = ["\n", "!", "?.", " as any", "(x)", "/x/", '"gpt-4o"', "`${a}`", "<T>", "\\", ";", "new ", ".chat", "openai", '"@ai-sdk/openai"', "\n++a;", "/ 2"];
    const edit = fc.record({
      file: fc.integer({ min: 0, max: sources.length - 1 }),
      inserts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...fragments)), { minLength: 1, maxLength: 3 }),
    });
    let compared = 0;
    fc.assert(
      fc.property(edit, ({ file, inserts }) => {
        let text = sources[file]!.text;
        for (const [where, fragment] of inserts) {
          const at = Math.floor(where * text.length);
          text = text.slice(0, at) + fragment + text.slice(at);
        }
        const path = sources[file]!.path;
        const kind = /\.[cm]?ts$/.test(path) ? tsApi.ScriptKind.TS : tsApi.ScriptKind.JS;
        const parsed = tsApi.createSourceFile(path, text, tsApi.ScriptTarget.Latest, true, kind) as unknown as { parseDiagnostics: readonly unknown[] };
        if (parsed.parseDiagnostics.length > 0) return;
        compared++;
        const { on, off } = bothWays([{ path, text }]);
        expect(on).toEqual(off);
      }),
      { numRuns: 1500, seed: 20261128 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});

/** Statements of the kinds real model catalogs and helpers are written in, with the tricky tokens. */
const STATEMENTS = [
  'export const DEFAULT_MODEL = "gpt-4o";',
  "const fallback = 'claude-3-5-sonnet-20241022';",
  'export const MODELS = ["gpt-4o", "gpt-4o-mini", `text-davinci-003`] as const;',
  'export type ChatModel = "gpt-4" | "mistral-large-latest" | (string & {});',
  'import type { ChatCompletion } from "openai";',
  'const sdk = require("@anthropic-ai/sdk");',
  "export const isGpt4 = (id: string) => id.startsWith(\"gpt-4\") || id?.includes?.('gpt-4o');",
  'if (modelId === "gpt-4o") /gpt-4o/.test(name);',
  "const ratio = (used + spare) / total / 'gpt-4o'.length;",
  "const re = /[\"'`]gpt-4\\//g;",
  "const ok = !/^gpt-4o$/.test(id);",
  'const share = count! / 2;',
  "// legacy: 'text-davinci-003'",
  '/* "gpt-4" */',
  'const price = { "gpt-4o": 2.5, ["gpt-4o-mini"]: 0.15 };',
  "const url = `https://huggingface.co/${org}/${name}/resolve/main/config.json`;",
  'const card = "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct";',
  'const nested = `model ${cond ? `${"gpt-4"}-turbo` : "gpt-4o"} at https://hf.co/openai/whisper-large-v3`;',
  'export function label(m: string) { return m.replace("gpt-4o", "GPT-4o"); }',
  'export async function loadSdk() { return await import("openai"); }',
  "const parts = name.split('/');",
  "label: for (const x of xs) { if (x) continue label; }",
  "i++ / 2;",
  "const tagged = sql`select 'gpt-4o' from ${table}`;",
  "export default { model: process.env.MODEL ?? 'gpt-4o-mini' };",
  'enum Tier { Fast = "gpt-4o-mini", Smart = "gpt-4o" }',
  'const text = "it\'s \\"gpt-4o\\"";',
  "const y = String(id).endsWith('gpt-4o');",
  'function f() {} /re/.test("gpt-4");',
  'const r = await client.chat.completions.create({ model: "gpt-4o" });',
  'import { openai } from "@ai-sdk/openai";',
  'export const fast = openai("gpt-4o-mini");',
  'import type { OpenAIProvider } from "@ai-sdk/openai";',
  "const search = openai.tools.webSearch({});",
  'import { generateText, tool } from "ai";',
  'await generateText({ model: "openai/gpt-4o", prompt });',
  'const weather = tool({ description: "gpt-4o" });',
  '(client.messages.create as Create)({ model: "claude-3-5-sonnet-20241022" });',
  'const v = validate<Record<string, { id: "gpt-4" }>>(input);',
  "const s = result.stream();",
  'const t = (client.messages as Messages).stream({ model: "gpt-4o" });',
  'const u = client.messages!.stream({ model: "gpt-4" });',
  'const llm = new ChatOpenAI({ model: "gpt-4o" });',
  'await fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: "gpt-4o" }) });',
];

function fixtureSources(dir = "fixtures", out: SourceFile[] = []): SourceFile[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) fixtureSources(path, out);
    else if (/\.[cm]?[jt]sx?$/.test(name) && statSync(path).size < 2_000_000) {
      out.push({ path: path.split("\\").join("/"), text: readFileSync(path, "utf8") });
    }
  }
  return out;
}
