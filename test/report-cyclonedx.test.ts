import { describe, expect, it } from "vitest";
import { buildCycloneDx, formatCycloneDx } from "../src/report/cyclonedx.js";
import type { Report } from "../src/types.js";
import { makeCleanReport, makeReportContext, makeRiskyReport } from "./helpers/reports.js";
import { createCycloneDxValidator } from "./helpers/validators.js";

const validate = createCycloneDxValidator();

interface Component {
  type: string;
  "bom-ref": string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  supplier?: { name: string };
  licenses?: { license: { id?: string; name?: string } }[];
  evidence?: { occurrences: { location: string; line?: number; symbol?: string }[] };
  externalReferences?: { type: string; url: string }[];
  properties?: { name: string; value: string }[];
}
const bomOf = (report: Report, ctx = makeReportContext()) =>
  JSON.parse(formatCycloneDx(report, ctx)) as { serialNumber: string; metadata: { timestamp?: string }; components: Component[] };
const byRef = (components: Component[], ref: string) => components.find((c) => c["bom-ref"] === ref)!;
const property = (component: Component, name: string) => component.properties?.find((p) => p.name === name)?.value;

describe("formatCycloneDx", () => {
  it.each([
    ["risky", makeRiskyReport()],
    ["clean", makeCleanReport()],
  ])("passes the CycloneDX 1.6 schema (%s report)", (_name, report) => {
    expect(validate(bomOf(report)), validate.errorsText()).toBe(true);
  });

  it("uses a schema check that can fail", () => {
    const bom = bomOf(makeRiskyReport());
    bom.components[0]!.type = "ml-model";
    expect(validate(bom)).toBe(false);
    const licence = bomOf(makeRiskyReport());
    licence.components.find((c) => c.licenses !== undefined)!.licenses = [{ license: { id: "Not-An-SPDX-Id" } }];
    expect(validate(licence)).toBe(false);
  });

  it("describes a pinned hub model with purl, group, SPDX licence, supplier and evidence", () => {
    const qwen = byRef(bomOf(makeRiskyReport()).components, "model:Qwen/Qwen2.5-7B-Instruct");
    expect(qwen).toMatchObject({
      type: "machine-learning-model",
      group: "Qwen",
      name: "Qwen2.5-7B-Instruct",
      version: "a09a35458c702b33eeacc393d103063234e8bc28",
      purl: "pkg:huggingface/Qwen/Qwen2.5-7B-Instruct@a09a35458c702b33eeacc393d103063234e8bc28",
      supplier: { name: "Hugging Face" },
      licenses: [{ license: { id: "Apache-2.0" } }],
      evidence: { occurrences: [{ location: "serve/qwen.py", line: 3 }] },
    });
    expect(property(qwen, "modelrisk:score")).toBe("12");
    expect(property(qwen, "modelrisk:licenseClass")).toBe("permissive");
  });

  it("names a non-SPDX licence, records the takedown and leaves the version off an unpinned purl", () => {
    const runway = byRef(bomOf(makeRiskyReport()).components, "model:runwayml/stable-diffusion-v1-5");
    expect(runway.purl).toBe("pkg:huggingface/runwayml/stable-diffusion-v1-5");
    expect(runway).not.toHaveProperty("version");
    expect(runway.licenses).toEqual([{ license: { name: "creativeml-openrail-m" } }]);
    expect(property(runway, "modelrisk:incident")).toBe("runway-hf-2024-08");
    expect(property(runway, "modelrisk:level")).toBe("critical");
    expect(runway.externalReferences).toContainEqual({ type: "distribution", url: "https://huggingface.co/runwayml/stable-diffusion-v1-5" });
  });

  it("keeps API models without a purl, with provider name and lifecycle", () => {
    const davinci = byRef(bomOf(makeRiskyReport()).components, "model:text-davinci-003");
    expect(davinci).not.toHaveProperty("purl");
    expect(davinci.supplier).toEqual({ name: "OpenAI" });
    expect(property(davinci, "modelrisk:lifecycle")).toBe("retired");
    expect(property(davinci, "modelrisk:replacement")).toBe("gpt-3.5-turbo-instruct");
  });

  it("does not pin a purl when references disagree on the revision", () => {
    const report = makeRiskyReport();
    const qwen = report.models.find((m) => m.id === "Qwen/Qwen2.5-7B-Instruct")!;
    qwen.references.push({ ...qwen.references[0]!, line: 9, revision: undefined });
    const component = byRef(bomOf(report).components, "model:Qwen/Qwen2.5-7B-Instruct");
    expect(component.purl).toBe("pkg:huggingface/Qwen/Qwen2.5-7B-Instruct");
    expect(component.evidence!.occurrences).toHaveLength(2);
  });

  it("adds provider SDKs as library components with npm and PyPI purls", () => {
    const report = makeRiskyReport();
    report.providers.push({ id: "anthropic", name: "Anthropic", known: true, references: [
      { file: "package.json", line: 13, column: 5, endLine: 13, endColumn: 24, text: "@anthropic-ai/sdk", detector: "npm", via: "@anthropic-ai/sdk",
        dependency: { ecosystem: "npm", name: "@anthropic-ai/sdk", version: "0.32.1", direct: true } }] });
    const components = bomOf(report, makeReportContext({ rootPrefix: "apps/api" })).components;
    const libraries = components.filter((c) => c.type === "library");
    expect(libraries.map((c) => c.purl)).toEqual(["pkg:npm/%40anthropic-ai/sdk@0.32.1", "pkg:npm/openai@4.77.0", "pkg:pypi/transformers@4.46.3"]);
    expect(libraries[0]).toMatchObject({ group: "@anthropic-ai", name: "sdk", evidence: { occurrences: [{ location: "apps/api/package.json", line: 13 }] } });
    expect(validate(bomOf(report)), validate.errorsText()).toBe(true);
  });

  it("derives the timestamp from asOf and a content-based serial number", () => {
    const first = bomOf(makeRiskyReport());
    expect(first.metadata.timestamp).toBe("2026-11-28T00:00:00Z");
    expect(first.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bomOf(makeRiskyReport()).serialNumber).toBe(first.serialNumber);
    expect(bomOf(makeCleanReport()).serialNumber).not.toBe(first.serialNumber);
    const reversed = makeRiskyReport();
    reversed.models.reverse();
    expect(formatCycloneDx(reversed, makeReportContext())).toBe(formatCycloneDx(makeRiskyReport(), makeReportContext()));
  });

  it("returns plain data from buildCycloneDx", () => {
    expect(buildCycloneDx(makeCleanReport(), makeReportContext())).toMatchObject({ bomFormat: "CycloneDX", specVersion: "1.6", components: [] });
  });
});
