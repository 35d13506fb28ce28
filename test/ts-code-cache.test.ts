/**
 * TypeScript starts from a V8 code cache the build writes (src/detect/typescript/ts-loader.ts).
 * Checked in a fresh `node` process on the built package, as the CLI runs it.
 */
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const probe = (code: string) => execFileSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" }).trim();

describe("TypeScript code cache", () => {
  it("is written by the build and accepted by V8", () => {
    const out = probe(`
      import { loadTypescript, readCodeCache } from "./dist/detect/typescript/ts-loader.js";
      const cache = readCodeCache();
      const ts = loadTypescript(cache);
      const sf = ts.api.createSourceFile("a.ts", "const m = 'gpt-4o';", ts.api.ScriptTarget.Latest, true);
      console.log(JSON.stringify({ cached: cache !== undefined, fromCache: ts.fromCache, statements: sf.statements.length }));`);
    expect(JSON.parse(out)).toEqual({ cached: true, fromCache: true, statements: 1 });
  });

  it("falls back to compiling when the cache is not for this compiler", () => {
    const out = probe(`
      import { loadTypescript } from "./dist/detect/typescript/ts-loader.js";
      const ts = loadTypescript(Buffer.from("not a code cache"));
      const sf = ts.api.createSourceFile("a.ts", "const m = 'gpt-4o';", ts.api.ScriptTarget.Latest, true);
      console.log(JSON.stringify({ fromCache: ts.fromCache, statements: sf.statements.length }));`);
    expect(JSON.parse(out)).toEqual({ fromCache: false, statements: 1 });
  });
});
