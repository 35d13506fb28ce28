// Meta-tests over the built-in rules database: every entry sourced, every id unique, every
// pattern anchored and safe, every date real, every finding rule documented, and a golden count
// per file kind so an accidental deletion shows up in review.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { beforeAll, describe, expect, test } from "vitest";
import { loadRules } from "../src/rules/load.js";
import { assertSafePattern } from "../src/rules/patterns.js";
import type { RulesDb } from "../src/rules/types.js";
import { FACTORS, RULE_IDS } from "../src/types.js";

const spdxIds = new Set<string>(createRequire(import.meta.url)("spdx-license-ids") as string[]);
const GOLDEN = new URL("./golden/rules-summary.json", import.meta.url);
const URL_RE = /^https?:\/\/\S+$/;
const isRealDate = (d: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

let db: RulesDb;
beforeAll(async () => {
  db = await loadRules();
});

function summarize(rules: RulesDb): Record<string, number> {
  return {
    providers: rules.providers.length,
    models: rules.models.filter((m) => !m.pattern).length,
    patterns: rules.models.filter((m) => m.pattern).length,
    licenses: rules.licenses.size,
    incidents: rules.incidents.length,
    hosts: rules.hosts.size,
    findings: rules.findingRules.size,
    modelsWithLifecycle: rules.models.filter((m) => m.lifecycle).length,
  };
}

describe("built-in rules database", () => {
  test("meets the issue's minimum counts", () => {
    const s = summarize(db);
    expect(s.providers).toBeGreaterThanOrEqual(25);
    expect(s.licenses).toBeGreaterThanOrEqual(35);
    expect(s.incidents).toBeGreaterThanOrEqual(15);
  });

  test("matches the golden summary of counts per kind (UPDATE_GOLDEN=1 rewrites it)", () => {
    const summary = summarize(db);
    if (process.env.UPDATE_GOLDEN === "1" || !existsSync(GOLDEN)) writeFileSync(GOLDEN, `${JSON.stringify(summary, null, 2)}\n`);
    expect(summary).toEqual(JSON.parse(readFileSync(GOLDEN, "utf8")));
  });

  test("every entry has at least one source URL", () => {
    const entries = [
      ...db.providers.map((p) => [`provider ${p.id}`, p.sources] as const),
      ...db.models.map((m) => [`model ${m.id}`, m.sources] as const),
      ...[...db.licenses.values()].map((l) => [`license ${l.id}`, l.sources] as const),
      ...db.incidents.map((i) => [`incident ${i.id}`, i.sources] as const),
      ...[...db.hosts.values()].map((h) => [`host ${h.id}`, h.sources] as const),
      ...db.models.filter((m) => m.lifecycle).map((m) => [`lifecycle of ${m.id}`, m.lifecycle!.sources] as const),
    ];
    const bad = entries.filter(([, sources]) => sources.length === 0 || sources.some((s) => !URL_RE.test(s))).map(([name]) => name);
    expect(bad).toEqual([]);
  });

  test("every SPDX id is on the SPDX list", () => {
    const bad = [...db.licenses.values()].filter((l) => l.spdx && !spdxIds.has(l.spdx)).map((l) => `${l.id}: ${l.spdx}`);
    expect(bad).toEqual([]);
    expect([...db.licenses.values()].filter((l) => l.spdx).length).toBeGreaterThan(5);
  });

  test("ids are unique: model entries, exact model ids, providers, incidents", () => {
    const duplicates = (ids: string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates(db.models.map((m) => m.id))).toEqual([]);
    expect(duplicates(db.models.flatMap((m) => m.ids))).toEqual([]);
    expect(duplicates(db.providers.map((p) => p.id))).toEqual([]);
    expect(duplicates(db.incidents.map((i) => i.id))).toEqual([]);
  });

  test("every pattern compiles, is anchored and passes the safety check", () => {
    const patterns = [...db.models.flatMap((m) => (m.pattern ? [m.pattern] : [])), ...db.incidents.flatMap((i) => i.subjects)];
    expect(patterns.length).toBeGreaterThan(50);
    for (const pattern of patterns) {
      expect(pattern.source.startsWith("^") && pattern.source.endsWith("$")).toBe(true);
      expect(() => assertSafePattern(pattern.source, "test")).not.toThrow();
    }
  });

  test("every incident and lifecycle date is a real calendar date, and shutdown never precedes the announcement", () => {
    const bad: string[] = [];
    for (const i of db.incidents) if (!isRealDate(i.date)) bad.push(`${i.id}: ${i.date}`);
    for (const m of db.models) {
      const life = m.lifecycle;
      if (!life) continue;
      for (const d of [life.deprecated, life.retires]) if (d !== undefined && !isRealDate(d)) bad.push(`${m.id}: ${d}`);
      if (life.deprecated && life.retires && life.retires < life.deprecated) bad.push(`${m.id}: retires before deprecated`);
    }
    expect(bad).toEqual([]);
  });

  test("every model names a known provider, licence and hosts", () => {
    const bad = db.models.flatMap((m) => [
      ...(db.providerById(m.provider) ? [] : [`${m.id}: provider ${m.provider}`]),
      ...(m.license && !db.licenses.has(m.license) ? [`${m.id}: license ${m.license}`] : []),
      ...m.hosts.filter((h) => !db.hosts.has(h)).map((h) => `${m.id}: host ${h}`),
    ]);
    expect(bad).toEqual([]);
  });

  test("every rule id has a documented findings entry with a help link to docs/rules.md", () => {
    const docs = readFileSync(new URL("../docs/rules.md", import.meta.url), "utf8");
    for (const id of RULE_IDS) {
      const rule = db.findingRules.get(id);
      expect(rule, id).toBeDefined();
      expect(rule!.name).toMatch(/^[A-Z][A-Za-z0-9]+$/);
      for (const text of [rule!.summary, rule!.why, rule!.fix]) expect(text.length).toBeGreaterThan(10);
      expect(rule!.helpUri).toBe(`https://github.com/modelrisk/modelrisk/blob/main/docs/rules.md#${id}`);
      expect(docs).toContain(`## ${id}\n`);
    }
    expect(db.findingRules.size).toBe(RULE_IDS.length);
  });

  test("scoring has a weight in [0,1] per factor and increasing level thresholds", () => {
    for (const factor of FACTORS) expect(db.scoring.weights[factor]).toBeGreaterThanOrEqual(0);
    const { low, medium, high, critical } = db.scoring.levels;
    expect(low < medium && medium < high && high < critical).toBe(true);
  });

  test("providerFor answers for packages, hosts and env vars", () => {
    expect(db.providerFor("npm", "@anthropic-ai/sdk")).toBe("anthropic");
    expect(db.providerFor("npm", "openai")).toBe("openai");
    expect(db.providerFor("pypi", "Google_GenerativeAI")).toBe("google");
    expect(db.providerFor("host", "API.OPENAI.COM")).toBe("openai");
    expect(db.providerFor("host", "dashscope-intl.aliyuncs.com")).toBe("alibaba");
    expect(db.providerFor("env", "DEEPSEEK_API_KEY")).toBe("deepseek");
    expect(db.providerFor("env", "deepseek_api_key")).toBeUndefined();
    expect(db.providerFor("npm", "react")).toBeUndefined();
  });
});
