/**
 * Output is independent of the order files are found: detectAll over a shuffled `files` array yields
 * the same mentions (compared as a sorted set), for every fixture project.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectAll, loadDetectors } from "../src/detect/index.js";
import type { Mention, SourceFile } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

function readProject(root: string, dir = root, out: SourceFile[] = []): SourceFile[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) readProject(root, path, out);
    else out.push({ path: relative(root, path).split("\\").join("/"), text: readFileSync(path, "utf8") });
  }
  return out;
}

async function mentionsOf(files: readonly SourceFile[]): Promise<string[]> {
  const ctx = makeContext(["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "gpt2"], { "npm:openai": "openai", "pypi:openai": "openai" });
  const detectors = await loadDetectors(files.map((f) => f.path));
  const mentions: Mention[] = await detectAll(files, detectors, ctx, { threads: 1, rules: {} });
  return [...mentions.map((m) => JSON.stringify(m)), ...ctx.skipped.map((s) => JSON.stringify(s))].sort();
}

const PROJECTS = readdirSync("fixtures").filter((name) => name !== "hostile").sort();

describe("file order does not change what is found", () => {
  it.each(PROJECTS)("%s", async (name) => {
    const files = readProject(join("fixtures", name));
    const expected = await mentionsOf(files);
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }), async (shuffled) => {
        expect(await mentionsOf(shuffled)).toEqual(expected);
      }),
      { numRuns: 8, seed: 20261128 },
    );
  }, 60_000);
});
