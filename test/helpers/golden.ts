/**
 * Golden outputs of the machine reporters over the real fixtures, through `scanDetailed()`.
 * `MODELRISK_UPDATE_GOLDEN=1` (scripts/regenerate-golden.mjs) rewrites the files instead of comparing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { loadRules } from "../../src/rules/load.js";
import type { RulesDb } from "../../src/rules/types.js";
import { scanDetailed } from "../../src/scan.js";
import type { Report } from "../../src/types.js";
import type { ReportContext } from "../../src/report/types.js";

export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const GOLDEN_DIR = fileURLToPath(new URL("../golden/", import.meta.url));
const AS_OF = "2026-11-28";

export const isUpdating = process.env.MODELRISK_UPDATE_GOLDEN === "1";

export function listFixtures(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

let db: Promise<RulesDb> | undefined;

/**
 * Scan a fixture as if it were a sub-folder of the repository (`fixtures/<name>`), with the
 * package and rules versions pinned so goldens change only when the output really does.
 */
export async function scanFixture(name: string): Promise<{ report: Report; ctx: ReportContext }> {
  db ??= loadRules();
  const rules = await db;
  const result = await scanDetailed({ root: `${FIXTURES_DIR}${name}`, asOf: AS_OF, db: rules });
  const report: Report = { ...result.report, tool: { ...result.report.tool, version: "0.0.0-golden", rulesVersion: "golden" } };
  const ctx: ReportContext = {
    findingRules: [...rules.findingRules.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    rootPrefix: `fixtures/${name}`,
    readSource: result.sourceOf,
    color: false,
  };
  return { report, ctx };
}

/** Compare `actual` with test/golden/<file>, or write it when updating. */
export function expectGolden(file: string, actual: string): void {
  const path = `${GOLDEN_DIR}${file}`;
  if (isUpdating) {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `missing golden ${file}: run node scripts/regenerate-golden.mjs`).toBe(true);
  expect(actual, `${file} differs: if the change is intended, run node scripts/regenerate-golden.mjs`).toBe(readFileSync(path, "utf8"));
}
