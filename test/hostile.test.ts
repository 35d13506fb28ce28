/**
 * The hostile corpus (fixtures/hostile + scripts/make-hostile.mjs) scanned through scan(): it completes,
 * every file it cannot read is in `skipped` with a reason, nothing from outside the root shows up, and
 * every reported position points at the reported text in the file's original bytes.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeHostile, OUTSIDE_MARKER } from "../scripts/make-hostile.mjs";
import { loadRules } from "../src/rules/load.js";
import type { RulesDb } from "../src/rules/types.js";
import { scan } from "../src/scan.js";
import type { Location, Report } from "../src/types.js";

let dir: string;
let root: string;
let outside: string;
let db: RulesDb;
let report: Report;
let elapsed: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "modelrisk-hostile-"));
  ({ root, outside } = makeHostile(join(dir, "repo"), { large: true }));
  db = await loadRules();
  const started = performance.now();
  report = await scan({ root, asOf: "2026-11-28", db });
  elapsed = performance.now() - started;
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

/** Lines as editors count them: CRLF, lone CR and LF all end a line; the BOM is not a column. */
export function lineOf(bytes: Buffer, line: number): string | undefined {
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.split(/\r\n|\r|\n/)[line - 1];
}

function slice(loc: Location & { text: string }): string | undefined {
  const line = lineOf(readFileSync(join(root, loc.file)), loc.line);
  if (loc.endLine !== loc.line) return loc.text; // multi-line spans: only the start is checked below
  return line?.slice(loc.column - 1, loc.endColumn - 1);
}

describe("hostile corpus", () => {
  it("scans to completion in bounded time", () => {
    expect(report.summary.files).toBeGreaterThan(40);
    expect(elapsed).toBeLessThan(90_000);
  });

  it.each([
    ["large/bundle.min.js", /larger than 2\.0 MB/],
    ["binary/weights.py", /binary/],
    ["binary/blob.ts", /binary/],
    ["binary/nb.ipynb", /binary/],
    ["binary/package-lock.json", /binary/],
    ["broken/truncated.json", /invalid JSON/],
    ["broken/invalid.yaml", /invalid YAML/],
    ["broken/invalid.toml", /invalid TOML/],
    ["deep/deep-object.json", /./],
    ["deep/deep.yaml", /./],
    ["deep/deep.toml", /nested/],
    ["bomb/bomb.json", /./],
    ["notebooks/truncated.ipynb", /not valid JSON/],
    ["notebooks/cells-not-array.ipynb", /no cells array/],
    ["notebooks/nbformat3.ipynb", /nbformat 3/],
    ["notebooks/source-numbers.ipynb", /no text source/],
    ["lockfile/package.json", /devDependencies/],
    ["lockfile/package-lock.json", /./],
    ["links/loop-a", /broken or looping/],
    ["links/dangling.py", /broken or looping/],
    ["links/outside.yaml", /outside the scanned root/],
    ["links/outside-dir", /outside the scanned root/],
    ["links/zero.py", /outside the scanned root/],
    ["includes/app/requirements.txt", /etc\/passwd: outside the scanned root/],
    ["special/requirements.txt", /-r pipe\.txt/],
  ])("notes %s as skipped", (file, reason) => {
    const notes = report.skipped.filter((s) => s.file === file);
    expect(notes.map((s) => s.reason), file).toContainEqual(expect.stringMatching(reason));
  });

  it("gives every skip a one-line reason", () => {
    for (const s of report.skipped) {
      expect(s.reason.trim().length, s.file).toBeGreaterThan(0);
      expect(s.reason, s.file).not.toMatch(/\n/);
      expect(s.reason.length, s.file).toBeLessThanOrEqual(300);
    }
  });

  it("never reads through a symlink or include out of the root", () => {
    expect(JSON.stringify(report).includes(OUTSIDE_MARKER), "a marker from outside the root is in the report").toBe(false);
    const files = report.models.flatMap((m) => m.references.map((r) => r.file));
    expect(files.filter((f) => f.startsWith("links/") || f.startsWith(".."))).toEqual([]);
  });

  it("still finds the models in readable files next to the broken ones", () => {
    const at = (file: string) => report.models.filter((m) => m.references.some((r) => r.file === file)).map((m) => m.id);
    expect(at("tree/" + "d/".repeat(200) + "model.py")).toEqual(["gpt2"]);
    expect(at("endings/crlf.py")).toEqual(["google-bert/bert-base-uncased"]);
    expect(at("names/new\nline.py")).toEqual(["gpt2"]);
    expect(at("ignores/kept.py")).toEqual(["gpt2"]);
  });

  it("reports every reference where the file holds its text (CRLF, CR, BOM, bad UTF-8, astral)", () => {
    const refs = report.models.flatMap((m) => m.references).filter((r) => !r.file.startsWith("bomb/"));
    expect(refs.length).toBeGreaterThan(15);
    for (const ref of refs) expect(slice(ref), `${ref.file}:${ref.line}:${ref.column}`).toBe(ref.text);
    for (const p of report.providers.flatMap((x) => x.references)) expect(slice(p), `${p.file}:${p.line}`).toBe(p.text);
  });

  it.each([
    ["endings/crlf.py", 3, 32],
    ["endings/cr.py", 3, 32],
    ["endings/mixed.py", 3, 32],
    ["endings/bom.py", 3, 32],
    ["endings/bad-utf8.py", 2, 32],
    ["endings/bom-crlf.yaml", 2, 8],
    ["endings/astral.ts", 1, 78],
  ])("places the id in %s at line %i column %i", (file, line, column) => {
    const ref = report.models.flatMap((m) => m.references).find((r) => r.file === file);
    expect(ref && { line: ref.line, column: ref.column }).toEqual({ line, column });
  });
});
