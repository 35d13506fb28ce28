import { describe, expect, it } from "vitest";
import { buildMarkdown, escapeMarkdown, formatLink, formatMarkdown, STEP_SUMMARY_LIMIT_BYTES } from "../src/report/markdown.js";
import type { Report, ReportModel } from "../src/types.js";
import { makeCleanReport, makeReportContext, makeRiskyReport } from "./helpers/reports.js";

const ATTACKS = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(document.cookie)</script>",
  "[click me](https://evil.example/phish)",
  "![tracker](https://evil.example/pixel.png)",
  "a | b | c",
  "line one\n# Injected heading\n- injected item",
  "x\r\n| --- | --- |",
  "`code` and ``double``",
  "**bold** _em_ ~~strike~~",
  "@octo-org/security-team please look",
  "see #1 and GH-2",
  "$\\color{red}{\\text{alert}}$",
  "&lt;b&gt; entity",
  "back\\slash \\| escaped pipe",
];

/** Pipes that end a GFM table cell: not preceded by an odd number of backslashes. */
const cellSeparators = (row: string): number => (row.match(/(?<!\\)(?:\\\\)*\|/g) ?? []).length;

function reportWithHostileModel(id: string): Report {
  const report = makeRiskyReport();
  const model = report.models.find((m) => m.id === "acme/summarizer-v2")!;
  const hostile: ReportModel = { ...model, id, references: [{ ...model.references[0]!, file: `src/${id}.ts`, text: id }] };
  report.models = [hostile, ...report.models.filter((m) => m !== model)];
  report.findings.push({ rule: "unknown-model", level: "high", message: `Unknown model ${id}`, model: id, fix: id,
    file: `src/${id}.ts`, line: 1, column: 1, endLine: 1, endColumn: 2 });
  report.dynamic = [{ ...report.dynamic![0]!, text: id }];
  return report;
}

describe("escapeMarkdown", () => {
  it.each(ATTACKS)("neutralises %j", (attack) => {
    const escaped = escapeMarkdown(attack);
    expect(escaped).not.toMatch(/[<>\n\r]/);
    expect(escaped).not.toMatch(/(?<!\\)[`[\]|*_~@#$!]/);
    expect(escaped).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });

  it("keeps ordinary ids readable", () => {
    expect(escapeMarkdown("meta-llama/Llama-3.1-8B-Instruct")).toBe("meta-llama/Llama-3.1-8B-Instruct");
    expect(escapeMarkdown("gpt-4o-mini")).toBe("gpt-4o-mini");
  });

  it("cuts very long strings", () => {
    expect(escapeMarkdown("a".repeat(10_000)).length).toBeLessThanOrEqual(300);
  });
});

describe("formatLink", () => {
  it("links http(s) sources and refuses other schemes", () => {
    expect(formatLink("https://github.com/huggingface/diffusers/issues/9421")).toBe(
      "[https://github.com/huggingface/diffusers/issues/9421](https://github.com/huggingface/diffusers/issues/9421)",
    );
    expect(formatLink("javascript:alert(1)")).toBe("javascript:alert\\(1\\)");
    expect(formatLink("https://x.example/a)b (c)")).toBe("[https://x.example/a\\)b \\(c\\)](https://x.example/a%29b%20%28c%29)");
  });
});

describe("formatMarkdown", () => {
  it("summarises score, top risks, models, rules and sources", () => {
    const md = formatMarkdown(makeRiskyReport(), makeReportContext());
    expect(md.split("\n")[0]).toBe("## modelrisk: 88/100 (critical)");
    expect(md).toContain("6 findings (1 suppressed)");
    expect(md).toContain("1. **critical** · runwayml/stable-diffusion-v1-5, risk 81/100 critical:");
    expect(md).toContain("| text-davinci-003 | openai | openai-terms | critical | 95 | src/complete.ts:4 |");
    expect(md).toContain("| unknown-model | The model is not in the rules database | low | 0 | 1 |");
    expect(md).toContain("- src/summary.ts:9: process.env.SUMMARY\\_MODEL");
    expect(md).toContain("- [https://developers.openai.com/api/docs/deprecations](https://developers.openai.com/api/docs/deprecations)");
    // The suppressed finding is not a top risk.
    expect(md.split("### Models")[0]).not.toContain("acme/summarizer-v2");
  });

  it("says so when nothing was found", () => {
    expect(formatMarkdown(makeCleanReport(), makeReportContext())).toContain("No AI model references found.");
  });

  it("prefixes paths with the scan root inside the repository", () => {
    expect(formatMarkdown(makeRiskyReport(), makeReportContext({ rootPrefix: "services/api" }))).toContain("services/api/src/complete.ts:4");
  });

  it.each(ATTACKS)("does not let a model id inject markup: %j", (attack) => {
    const md = formatMarkdown(reportWithHostileModel(attack), makeReportContext());
    expect(md).not.toMatch(/<(img|script)/i);
    expect(md).not.toContain("](https://evil");
    expect(md).not.toMatch(/(?<!\\)@octo/);
    const lines = md.split("\n");
    expect(lines.filter((line) => line.startsWith("#")).every((line) => /^#{2,3} [A-Z]|^## modelrisk/.test(line))).toBe(true);
    const modelRows = lines.slice(lines.indexOf("### Models") + 2).filter((line) => line.startsWith("| "));
    for (const row of modelRows.slice(0, 5)) expect(cellSeparators(row), row).toBe(7);
    const ruleRows = lines.slice(lines.indexOf("### Findings by rule") + 2).filter((line) => line.startsWith("| "));
    for (const row of ruleRows.slice(0, 5)) expect(cellSeparators(row), row).toBe(6);
  });

  it("stays under GitHub's 1 MiB step-summary limit and says what it left out", () => {
    const report = makeRiskyReport();
    const template = report.models[0]!;
    report.models = Array.from({ length: 12_000 }, (_, i) => ({ ...template, id: `org-${i}/${"very-long-model-name-".repeat(4)}${i}` }));
    const md = formatMarkdown(report, makeReportContext());
    expect(Buffer.byteLength(md, "utf8")).toBeLessThanOrEqual(STEP_SUMMARY_LIMIT_BYTES);
    expect(md).toMatch(/_Truncated to stay under GitHub's 1 MiB summary limit: omitted \d+ of 12000 models, all \d+ rules, all 1 dynamic references, all 1 sources\. Use --format json for the full report\._\n$/);
  });

  it("truncates at any budget without breaking a section header", () => {
    for (const limit of [1_200, 1_800, 2_400, 3_000]) {
      const md = buildMarkdown(makeRiskyReport(), makeReportContext(), limit);
      expect(Buffer.byteLength(md)).toBeLessThanOrEqual(limit);
      expect(md).toContain("_Truncated to stay under GitHub's 1 MiB summary limit: omitted");
      const lines = md.split("\n");
      // Every section title that appears is followed by content, never left dangling.
      for (const [i, line] of lines.entries()) if (line.startsWith("### ")) expect(lines[i + 2] ?? "", `${limit}: ${line}`).not.toBe("");
    }
  });
});
