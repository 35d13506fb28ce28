/** Bad and unusual input never throws: it yields what can be read, or a skip note. */
import { describe, expect, it } from "vitest";
import { detectTypescript, typescriptDetector } from "../src/detect/typescript/index.js";
import type { Mention } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

const ctx = () => makeContext(["gpt-4o"], { "npm:openai": "openai", "npm:@ai-sdk/openai": "openai" });
const places = (ms: Mention[]) => ms.map((m) => `${m.file}:${m.line}:${m.column} ${m.kind} ${m.value}`);

describe("typescript detector robustness", () => {
  it("accepts the eight extensions and no declaration files", () => {
    for (const p of ["a.ts", "a.tsx", "a.mts", "a.cts", "a.js", "a.jsx", "a.mjs", "a.cjs"]) expect(typescriptDetector.accepts(p)).toBe(true);
    for (const p of ["a.d.ts", "types/a.d.mts", "a.d.cts", "a.json", "a.py", "a.tsbuildinfo"]) expect(typescriptDetector.accepts(p)).toBe(false);
  });

  it("skips minified files with a note instead of parsing them", () => {
    const c = ctx();
    const line = `var a="gpt-4o";${"x=1;".repeat(400)}`;
    expect(detectTypescript([{ path: "dist/app.js", text: line }, { path: "vendor/lib.min.js", text: 'openai("gpt-4o")' }], c)).toEqual([]);
    expect(c.skipped).toEqual([{ file: "dist/app.js", reason: "minified" }, { file: "vendor/lib.min.js", reason: "minified" }]);
  });

  it("reads what it can from a file with syntax errors", () => {
    const text = 'import OpenAI from "openai";\nconst x = {{{ ;\nopenai.chat.completions.create({ model: "gpt-4o" ))\nclass {';
    expect(places(detectTypescript([{ path: "broken.ts", text }], ctx()))).toEqual([
      "broken.ts:1:21 provider openai",
      "broken.ts:3:42 model gpt-4o",
    ]);
  });

  it("handles a large generated file and deep nesting without stack overflow", () => {
    const big = Array.from({ length: 20_000 }, (_, i) => `export const M${i} = { model: "m-${i}", n: ${i} };`).join("\n");
    const nested = (n: number) => `const v = ${"[\n".repeat(n)}"gpt-4o"${"\n]".repeat(n)};`;
    const long = `openai.chat.completions.create({ model: ${Array(2000).fill('"a"').join(" +\n")} });`;
    const c = ctx();
    const started = performance.now();
    const files = [
      { path: "gen/models.ts", text: big },
      { path: "deep.ts", text: nested(500) },
      { path: "deeper.ts", text: nested(20_000) },
      { path: "long.ts", text: long },
    ];
    const out = detectTypescript(files, c);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(places(out)).toEqual(["deep.ts:501:2 model gpt-4o", `long.ts:1:41 model ${Array(2000).fill('"a"').join(" + ").slice(0, 79)}…`]);
    expect(c.skipped).toEqual([{ file: "deeper.ts", reason: "too deeply nested to parse" }]);
  });

  it("survives cyclic constants and cyclic imports", () => {
    const files = [
      { path: "a.ts", text: 'import { B } from "./b";\nexport const A = B;\nopenai.chat.completions.create({ model: A });' },
      { path: "b.ts", text: 'import { A } from "./a";\nexport const B = A;\nconst x = y; const y = x;\nopenai.responses.create({ model: x });' },
    ];
    const out = detectTypescript(files, ctx());
    expect(out.every((m) => m.kind === "model" && m.dynamic)).toBe(true);
  });

  it("parses JSX in .js and .tsx, decorators, and counts columns after a BOM and astral characters as editors do", () => {
    const files = [
      { path: "a.js", text: 'export const A = () => <Picker model="gpt-4o" />;' },
      { path: "b.tsx", text: '\uFEFF@Component({})\nclass C { label = "😀"; m = "gpt-4o"; }\nconst el = <div title="gpt-4o" />;' },
    ];
    expect(places(detectTypescript(files, ctx()))).toEqual([
      "a.js:1:39 model gpt-4o",
      // The BOM is not counted; the emoji is two UTF-16 code units.
      "b.tsx:2:30 model gpt-4o",
      "b.tsx:3:24 model gpt-4o",
    ]);
  });

  it("reports SDK imports, requires and subpaths as provider mentions, not unknown packages", () => {
    const text = 'import { openai } from "@ai-sdk/openai";\nconst OpenAI = require("openai");\nimport type { X } from "openai/resources";\nimport React from "react";\nexport * from "./local";';
    const out = detectTypescript([{ path: "p.ts", text }], ctx());
    expect(out.map((m) => (m.kind === "provider" ? `${m.line}:${m.column} ${m.value} via ${m.via}` : m.value))).toEqual([
      "1:25 openai via @ai-sdk/openai",
      "2:25 openai via openai",
      "3:25 openai via openai",
    ]);
  });

  it("does not parse files the prefilter rules out", () => {
    const c = ctx();
    // Minified but irrelevant: never parsed, so never reported as skipped.
    const text = `const a = 1;${"b=2;".repeat(400)}`;
    expect(detectTypescript([{ path: "x.js", text }], c)).toEqual([]);
    expect(c.skipped).toEqual([]);
  });
});
