import { describe, expect, it } from "vitest";
import { formatText } from "../src/report/text.js";
import { buildSampleReport, buildUnscoredReport, sampleContext } from "./helpers/sample-report.js";

const ESC = "\x1b";

describe("formatText", () => {
  const text = formatText(buildSampleReport(), sampleContext());

  it("opens with the project score, the counts and the as-of date", () => {
    const [title, risk, counts] = text.split("\n");
    expect(title).toBe("modelrisk 0.1.0 · as of 2026-11-28");
    expect(risk).toMatch(/^Project risk: 72\/100 high █+░+$/);
    expect(counts).toBe("6 models · 8 references · 2 providers · 5 findings · 42 files scanned · 1 skipped");
  });

  it("lists models by score, highest first, each with its facts and references", () => {
    const order = [...text.matchAll(/^ {2}(\S+) +(\d+) {2,}(\S+)$/gm)].map((m) => `${m[3]} ${m[2]}`);
    expect(order).toEqual([
      "runwayml/stable-diffusion-v1-5 81",
      "text-davinci-003 76",
      "meta-llama/Llama-2-7b-chat-hf 45",
      "acme/support-bot-v3 30",
      "gpt-4o 12",
      "Xenova/all-MiniLM-L6-v2 0",
    ]);
    expect(text).toContain("provider openai · api · license openai-terms (proprietary-terms) · retired → gpt-3.5-turbo-instruct · 1 reference");
    expect(text).toContain("    notebooks/demo.ipynb:4:18  via from_pretrained\n    src/generate.py:12:9  via from_pretrained");
  });

  it("groups findings by level, most severe first, as file:line:column level rule message", () => {
    const section = text.slice(text.indexOf("Findings (5)"), text.indexOf("Concentration"));
    expect(section.indexOf("critical (1)")).toBeLessThan(section.indexOf("high (1)"));
    expect(section.indexOf("medium (2)")).toBeLessThan(section.indexOf("low (1)"));
    expect(section).toContain("    src/legacy/complete.ts:9:14 high retired-model text-davinci-003 was retired on 2024-01-04\n      fix: switch to gpt-3.5-turbo-instruct");
  });

  it("draws concentration shares as text bars", () => {
    expect(text).toContain("    huggingface.co  ██████░░░░ 63%");
    expect(text).toContain("    openai          ████░░░░░░ 38%");
  });

  it("lists dynamic references and skipped files, then one summary line", () => {
    expect(text).toContain("  src/router.ts:22:15  process.env.CHAT_MODEL");
    expect(text).toContain("  assets/weights.bin: binary file");
    expect(text.trimEnd().split("\n").at(-1)).toBe(
      "modelrisk: 6 models, 8 references, 5 findings (1 critical, 1 high, 2 medium, 1 low), project risk 72/100 high, worst model critical.",
    );
  });

  it("has no escape codes without colour, and SGR codes only with it", () => {
    expect(text).not.toContain(ESC);
    const coloured = formatText(buildSampleReport(), sampleContext({ color: true }));
    expect(coloured).toContain(`${ESC}[1;31mcritical${ESC}[0m`);
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(text);
  });

  it("reads well before the risk engine exists", () => {
    const unscored = formatText(buildUnscoredReport(), sampleContext());
    expect(unscored).toContain("Project risk: not scored");
    expect(unscored).toContain("  not scored   acme/support-bot-v3");
    expect(unscored).toContain("Findings: none");
    expect(unscored).not.toContain("Concentration");
    expect(unscored).not.toMatch(/undefined|NaN/);
    expect(unscored.trimEnd().split("\n").at(-1)).toBe("modelrisk: 6 models, 8 references, 0 findings, not scored.");
  });

  it("strips escape sequences from every string that came from scanned files", () => {
    const report = buildSampleReport();
    const evil = "evil\x1b[2J\x1b]0;pwned\x07/model";
    report.models[0]!.id = evil;
    report.models[0]!.references[0]!.file = "src/\x1b[31mgen\u202e.py";
    report.findings[0]!.message = `${evil} was removed`;
    report.skipped[0]!.reason = "binary\x1b[2K file";
    const out = formatText(report, sampleContext());
    expect(out).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(out).toContain("evil/model");
    expect(out).toContain("src/gen.py:4:40");
    expect(out).toContain("binary file");
  });

  it("is deterministic", () => {
    expect(formatText(buildSampleReport(), sampleContext())).toBe(text);
  });
});
