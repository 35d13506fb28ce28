/**
 * Determinism: the same tree scanned twice, scanned from two folders whose files were written in
 * opposite orders, and scanned with one thread or all of them, gives byte-identical JSON, SARIF and
 * CycloneDX (the scan root path aside, which only appears where a reporter names it).
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReporter } from "../src/report/index.js";
import { loadRules } from "../src/rules/load.js";
import type { RulesDb } from "../src/rules/types.js";
import { scanDetailed } from "../src/scan.js";

const FORMATS = ["json", "sarif", "cyclonedx"] as const;
let dir: string;
let db: RulesDb;

/** Every fixture project (hostile escapes included) as one tree: path → bytes. */
function collect(from: string, base = from, out = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const name of readdirSync(from)) {
    const path = join(from, name);
    if (statSync(path).isDirectory()) collect(path, base, out);
    else out.set(relative(base, path), readFileSync(path));
  }
  return out;
}

function writeTree(root: string, files: [string, Buffer][]): string {
  for (const [rel, bytes] of files) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), bytes);
  }
  return root;
}

async function render(root: string, threads?: number): Promise<Record<string, string>> {
  const result = await scanDetailed({ root, asOf: "2026-11-28", db, ...(threads ? { threads } : {}) });
  const ctx = { findingRules: [...db.findingRules.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), rootPrefix: "", readSource: result.sourceOf, color: false };
  const out: Record<string, string> = {};
  for (const format of FORMATS) out[format] = (await loadReporter(format))(result.report, ctx).split(root).join("<root>");
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "modelrisk-determinism-"));
  db = await loadRules();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("byte-identical reports", () => {
  it("two scans of the same tree", async () => {
    const root = join(dir, "same");
    cpSync("fixtures", root, { recursive: true });
    const first = await render(root);
    expect(await render(root)).toEqual(first);
    expect(JSON.parse(first.json!).summary.references).toBeGreaterThan(50);
  }, 120_000);

  it("independent of the order files were created on disk, and of the thread count", async () => {
    const files = [...collect("fixtures")].sort(([a], [b]) => (a < b ? -1 : 1));
    const forward = writeTree(join(dir, "forward"), files);
    const backward = writeTree(join(dir, "backward"), [...files].reverse());
    const a = await render(forward);
    expect(await render(backward)).toEqual(a);
    expect(await render(forward, 1)).toEqual(a);
  }, 120_000);
});
