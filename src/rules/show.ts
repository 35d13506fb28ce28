/** `modelrisk rules show` and `rules check`: the database explained in plain text, and validated. */
import { resolve } from "node:path";
import { FACTORS } from "../types.js";
import { buildRules, completeScoring, type Layer } from "./build.js";
import { parseFeed } from "./feeds.js";
import { BUILT_IN_RULES_DIR, loadRules } from "./load.js";
import { displayPath, listFiles, parseRulesFile, readText, type ParsedFile } from "./read.js";
import type { IncidentRule, ModelRule, RulesDb } from "./types.js";

/** Everything the database knows about `id`, with every source URL; "not in the database" otherwise. */
export function describeModel(db: RulesDb, id: string): string {
  const rule = db.lookupModel(id);
  const incidents = db.incidentsFor(id);
  if (!rule) {
    const lines = [`${id}: not in the database`];
    if (incidents.length > 0) lines.push(...describeIncidents(incidents));
    return `${lines.join("\n")}\n`;
  }
  const provider = db.providerById(rule.provider);
  const license = rule.license ? db.licenses.get(rule.license) : undefined;
  const sources = new Set<string>(rule.sources);
  const lines = [
    `${id}`,
    `  canonical: ${rule.pattern ? `${rule.id} (pattern ${rule.pattern.source})` : rule.ids[0] ?? rule.id}`,
    `  provider:  ${provider ? `${provider.name} (${provider.id})` : rule.provider}`,
    `  kind:      ${rule.kind}${rule.family ? `, family ${rule.family}` : ""}`,
  ];
  if (license) {
    lines.push(`  license:   ${license.name} [${license.id}${license.spdx ? `, SPDX ${license.spdx}` : ""}], class ${license.class}`);
    lines.push(`  terms:     ${describeTerms(license.terms)}${license.summary ? ` — ${license.summary}` : ""}`);
    license.sources.forEach((s) => sources.add(s));
  } else {
    lines.push("  license:   unknown to the database");
  }
  lines.push(`  hosts:     ${rule.hosts.join(", ") || "none recorded"}`);
  for (const mirror of rule.mirrors) lines.push(`  mirror:    ${mirror.url} (${mirror.official ? "official" : "unofficial"})`);
  lines.push(...describeLifecycle(rule));
  rule.lifecycle?.sources.forEach((s) => sources.add(s));
  if (rule.note) lines.push(`  note:      ${rule.note}`);
  lines.push(...describeIncidents(incidents));
  incidents.forEach((i) => i.sources.forEach((s) => sources.add(s)));
  lines.push("  sources:", ...[...sources].map((s) => `    ${s}`));
  return `${lines.join("\n")}\n`;
}

function describeTerms(terms: NonNullable<ReturnType<RulesDb["licenses"]["get"]>>["terms"]): string {
  const parts = [`commercial use ${terms.commercialUse}`];
  if (terms.userCap) parts.push(`user cap ${terms.userCap.toLocaleString("en-US")} monthly active users`);
  if (terms.revenueCap) parts.push(`revenue cap USD ${terms.revenueCap.toLocaleString("en-US")}`);
  if (terms.attribution) parts.push("attribution required");
  if (terms.acceptableUsePolicy) parts.push("acceptable-use policy");
  if (terms.outputTrainingBan) parts.push("outputs may not train other models");
  return parts.join("; ");
}

function describeLifecycle(rule: ModelRule): string[] {
  const lines: string[] = [];
  if (rule.floating) lines.push(`  alias:     floating${rule.snapshot ? `, currently ${rule.snapshot}` : ""}`);
  else if (rule.snapshot) lines.push(`  snapshot:  ${rule.snapshot}`);
  const life = rule.lifecycle;
  if (!life) return [...lines, "  lifecycle: no deprecation or shutdown recorded"];
  const parts = [
    life.deprecated ? `deprecated ${life.deprecated}` : undefined,
    life.retires ? `shutdown ${life.retires}` : undefined,
    life.replacement ? `replacement ${life.replacement}` : undefined,
  ].filter((p) => p !== undefined);
  return [...lines, `  lifecycle: ${parts.join(", ")}`];
}

function describeIncidents(incidents: readonly IncidentRule[]): string[] {
  if (incidents.length === 0) return ["  incidents: none recorded"];
  return incidents.map((i) => {
    const date = i.datePrecision === "month" ? i.date.slice(0, 7) : i.date;
    const restored = i.restored === "unknown" ? "restoration unknown" : i.restored ? "restored" : "not restored";
    return `  incident:  ${date} ${i.kind} on ${i.host} (${i.id}), ${restored}: ${i.summary}`;
  });
}

/** Every problem in a rules folder, one line each; empty when it loads cleanly over the built-in rules. */
export async function checkRulesDir(dir: string): Promise<string[]> {
  const root = resolve(dir);
  const isBuiltIn = root === resolve(BUILT_IN_RULES_DIR);
  const errors: string[] = [];
  const files: ParsedFile[] = [];
  let paths: string[];
  try {
    paths = await listFiles(root, [".yaml", ".yml", ".json"]);
  } catch {
    return [`${dir}: rules folder not found or not readable`];
  }
  for (const path of paths) {
    const text = await readText(path, displayPath(path, root, isBuiltIn ? "rules" : undefined));
    if (typeof text === "string") { errors.push(text); continue; }
    if (path.endsWith(".json")) { errors.push(...parseFeed(text).errors); continue; }
    const { parsed, errors: fileErrors } = parseRulesFile(text);
    errors.push(...fileErrors);
    if (parsed) files.push(parsed);
  }
  if (errors.length > 0) return errors;
  const layers: Layer[] = [{ isBuiltIn: true, files }];
  if (!isBuiltIn) {
    try {
      await loadRules();
    } catch (error) {
      return [(error as Error).message];
    }
    layers.unshift(await readBuiltInLayer());
    layers[1]!.isBuiltIn = false;
  }
  const built = buildRules(layers);
  completeScoring(built.scoring, FACTORS, built.errors);
  return built.errors;
}

async function readBuiltInLayer(): Promise<Layer> {
  const files: ParsedFile[] = [];
  for (const path of await listFiles(BUILT_IN_RULES_DIR, [".yaml", ".yml"], ["feeds"])) {
    const text = await readText(path, displayPath(path, BUILT_IN_RULES_DIR, "rules"));
    if (typeof text === "string") continue;
    const { parsed } = parseRulesFile(text);
    if (parsed) files.push(parsed);
  }
  return { isBuiltIn: true, files };
}
