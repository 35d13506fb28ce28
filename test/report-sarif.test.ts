import { describe, expect, it } from "vitest";
import { buildSarif, formatSarif } from "../src/report/sarif.js";
import type { Report } from "../src/types.js";
import { createSarifValidator } from "./helpers/validators.js";
import { FINDING_RULES, makeCleanReport, makeReportContext, makeRiskyReport } from "./helpers/reports.js";

const validate = createSarifValidator();

type Log = ReturnType<typeof buildSarif>;
const parse = (report: Report, ctx = makeReportContext()): Log => JSON.parse(formatSarif(report, ctx)) as Log;

/** GitHub's own requirements that the OASIS schema cannot express (integration checklist §1.9). */
function expectGithubRules(log: Log): void {
  expect(log.$schema).toBeTruthy();
  expect(log.runs).toHaveLength(1);
  const run = log.runs[0]!;
  expect(Array.isArray(run.results)).toBe(true);
  expect(run.columnKind).toBe("utf16CodeUnits");
  expect(run.tool.driver.name).toBe("modelrisk");
  expect(run.tool.driver.semanticVersion).toMatch(/^\d+\.\d+\.\d+/);
  for (const rule of run.tool.driver.rules) {
    expect(rule.shortDescription.text.length).toBeGreaterThan(0);
    expect(rule.fullDescription.text.length).toBeLessThanOrEqual(1024);
    expect(rule.help.text.length).toBeGreaterThan(0);
    expect(rule.help.markdown.length).toBeGreaterThan(0);
    expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    const severity = Number(rule.properties["security-severity"]);
    expect(typeof rule.properties["security-severity"]).toBe("string");
    expect(severity > 0 && severity <= 10).toBe(true);
    expect(rule.properties.tags).toContain("security");
    expect(new Set(rule.properties.tags).size).toBe(rule.properties.tags.length);
    expect(rule.properties.tags.length).toBeLessThanOrEqual(20);
  }
  for (const result of run.results) {
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(result.locations).toHaveLength(1);
    const { artifactLocation, region } = result.locations[0].physicalLocation;
    expect(artifactLocation.uriBaseId).toBe("%SRCROOT%");
    expect(artifactLocation.uri).not.toMatch(/^(\/|[a-z]+:)/i);
    expect(region.startLine).toBeGreaterThanOrEqual(1);
    expect(region.startColumn).toBeGreaterThanOrEqual(1);
    expect(region.endLine).toBeGreaterThanOrEqual(region.startLine);
    expect(result.message.text).toMatch(/\.$/);
    expect(result.partialFingerprints["modelrisk/v1"]).toMatch(/^[0-9a-f]{32}:\d+$/);
  }
}

describe("formatSarif", () => {
  it.each([
    ["risky", makeRiskyReport()],
    ["clean", makeCleanReport()],
  ])("passes the OASIS schema and GitHub's rules (%s report)", (_name, report) => {
    const log = parse(report);
    expect(validate(log), validate.errorsText()).toBe(true);
    expectGithubRules(log);
  });

  it("uses a schema check that can fail (startLine 0, duplicate tags)", () => {
    const log = parse(makeRiskyReport());
    log.runs[0]!.results[0]!.locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    const tags = parse(makeRiskyReport());
    tags.runs[0]!.tool.driver.rules[0]!.properties.tags.push("security");
    expect(validate(tags)).toBe(false);
  });

  it("lists the full rule catalogue and 'results: []' when clean", () => {
    const run = parse(makeCleanReport()).runs[0]!;
    expect(run.results).toEqual([]);
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(FINDING_RULES.map((r) => r.id));
    expect(run).not.toHaveProperty("automationDetails");
  });

  it("maps rule severity and finding levels like Trivy", () => {
    const run = parse(makeRiskyReport()).runs[0]!;
    const rule = (id: string) => run.tool.driver.rules.find((r) => r.id === id)!;
    expect(rule("retired-model").properties["security-severity"]).toBe("9.5");
    expect(rule("retired-model").defaultConfiguration.level).toBe("error");
    expect(rule("non-commercial-license").properties["security-severity"]).toBe("8.0");
    expect(rule("host-concentration").properties["security-severity"]).toBe("5.5");
    expect(rule("unknown-model").properties["security-severity"]).toBe("2.0");
    expect(rule("retired-model").help.markdown).toContain("text-davinci-003");
    const levels = Object.fromEntries(run.results.map((r) => [r.ruleId, r.level]));
    expect(levels).toMatchObject({ "retired-model": "error", "unpinned-revision": "warning", "unknown-model": "note" });
  });

  it("names the model and its score first, quotes it, and gives the fix", () => {
    const run = parse(makeRiskyReport()).runs[0]!;
    const retired = run.results.find((r) => r.ruleId === "retired-model")!;
    expect(retired.message.text).toBe(
      "Model 'text-davinci-003' has risk 95/100 (critical). text-davinci-003 was retired on 2024-01-04; requests fail. Fix: Switch to gpt-3.5-turbo-instruct.",
    );
    const engine = makeRiskyReport();
    engine.findings[0]!.message = "text-davinci-003 (model score 95, critical): retired on 2024-01-04. Fix: Switch to gpt-3.5-turbo-instruct.";
    const fromEngine = parse(engine).runs[0]!.results.find((r) => r.ruleId === "retired-model")!;
    expect(fromEngine.message.text).toBe(
      "Model 'text-davinci-003' has risk 95/100 (critical). retired on 2024-01-04. Fix: Switch to gpt-3.5-turbo-instruct.",
    );
    const dynamic = run.results.find((r) => r.ruleId === "dynamic-model-reference")!;
    expect(dynamic.message.text).toMatch(/^The project has risk 88\/100 \(critical\)\. /);
  });

  it("anchors a project-level finding to line 1 of the first manifest", () => {
    const run = parse(makeRiskyReport()).runs[0]!;
    const concentration = run.results.find((r) => r.ruleId === "host-concentration")!;
    const { artifactLocation, region } = concentration.locations[0].physicalLocation;
    expect(artifactLocation.uri).toBe("package.json");
    expect(region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 2 });
    expect(concentration.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
  });

  it("falls back to the first model reference when no manifest is known", () => {
    const report = { ...makeRiskyReport(), providers: [] };
    const run = parse(report).runs[0]!;
    const concentration = run.results.find((r) => r.ruleId === "host-concentration")!;
    expect(concentration.locations[0].physicalLocation.artifactLocation.uri).toBe("config/models.yaml");
  });

  it("prefixes and percent-encodes URIs relative to the git top level", () => {
    const report = makeRiskyReport();
    report.findings[0]!.file = "src/my app/ünï:code.ts";
    const log = parse(report, makeReportContext({ rootPrefix: "packages/web" }));
    const run = log.runs[0]!;
    const uris = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain("packages/web/src/my%20app/%C3%BCn%C3%AF%3Acode.ts");
    expect(uris).toContain("packages/web/gen/image.py");
    expect(validate(log), validate.errorsText()).toBe(true);
  });

  it("marks suppressed findings in source with the justification", () => {
    const run = parse(makeRiskyReport()).runs[0]!;
    const unknown = run.results.find((r) => r.ruleId === "unknown-model")!;
    expect(unknown.suppressions).toEqual([{ kind: "inSource", justification: "internal model, reviewed by legal" }]);
    expect(run.results.find((r) => r.ruleId === "retired-model")).not.toHaveProperty("suppressions");
  });

  it("writes automationDetails only for a category, and the project score in run.properties", () => {
    const run = parse(makeRiskyReport(), makeReportContext({ category: "modelrisk-web" })).runs[0]!;
    expect(run.automationDetails).toEqual({ id: "modelrisk-web/" });
    expect(run.properties).toMatchObject({ "modelrisk/score": 88, "modelrisk/level": "critical", "modelrisk/omittedResults": 0 });
  });

  it("is deterministic and sorted", () => {
    const a = formatSarif(makeRiskyReport(), makeReportContext());
    const reversed = makeRiskyReport();
    reversed.findings.reverse();
    reversed.models.reverse();
    expect(formatSarif(reversed, makeReportContext())).toBe(a);
    expect(a).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    const uris = (JSON.parse(a) as Log).runs[0]!.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toEqual([...uris].sort());
  });

  it("keeps the most severe results under the limit and reports the truncation", () => {
    const report = makeRiskyReport();
    const log = buildSarif(report, makeReportContext(), { maxResults: 2, maxNotifications: 10 });
    const run = log.runs[0]!;
    expect(run.results.map((r) => r.level)).toEqual(["error", "error"]);
    expect(run.properties["modelrisk/omittedResults"]).toBe(4);
    const texts = run.invocations[0]!.toolExecutionNotifications!.map((n) => n.message.text);
    expect(texts).toContain("4 of 6 results omitted: GitHub accepts at most 2 results per run; the most severe were kept.");
    expect(texts).toContain("Skipped 'data/huge.json': larger than 2 MB.");
    expect(validate(JSON.parse(JSON.stringify(log)))).toBe(true);
  });

  it("adds a descriptor for a rule missing from the catalogue", () => {
    const run = parse(makeRiskyReport(), makeReportContext({ findingRules: FINDING_RULES.filter((r) => r.id !== "takedown-history") })).runs[0]!;
    const takedown = run.results.find((r) => r.ruleId === "takedown-history")!;
    expect(run.tool.driver.rules[takedown.ruleIndex]!.id).toBe("takedown-history");
    expectGithubRules(JSON.parse(formatSarif(makeRiskyReport(), makeReportContext())) as Log);
  });
});
