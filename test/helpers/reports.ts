/**
 * Hand-built reports for reporter tests, shaped like real scans: facts and sources from the
 * project's reference notes (OpenAI deprecations page, the Runway takedown thread, Qwen licences).
 */
import type { FindingRule } from "../../src/rules/types.js";
import { RULE_IDS, type Level, type Report, type RuleId } from "../../src/types.js";
import type { ReportContext } from "../../src/report/types.js";

const RULE_TEXT: Record<RuleId, [summary: string, level: Level]> = {
  "retired-model": ["The model has been retired by its provider; requests to it fail", "critical"],
  "retiring-model": ["The model has an announced shutdown date", "high"],
  "deprecated-model": ["The model is deprecated by its provider", "medium"],
  "non-commercial-license": ["The model's licence forbids commercial use", "high"],
  "restricted-license": ["The model's licence restricts commercial use (user caps, use policies)", "medium"],
  "copyleft-license": ["The model's licence requires sharing derived work under the same terms", "medium"],
  "unknown-license": ["The model's licence is not known", "low"],
  "takedown-history": ["The model or its organisation has been taken down before", "high"],
  "single-host": ["The model is served from one host with no known mirror", "low"],
  "host-concentration": ["Most model references depend on one host", "medium"],
  "vendor-concentration": ["Most model references depend on one vendor", "low"],
  "single-vendor": ["Every model comes from one vendor", "low"],
  "unpinned-revision": ["Hub weights are loaded without a pinned revision", "medium"],
  "floating-alias": ["An API alias that moves to new snapshots is used", "low"],
  "unknown-model": ["The model is not in the rules database", "low"],
  "dynamic-model-reference": ["The model is chosen at run time and cannot be checked statically", "low"],
  "denied-license": ["The model's licence is on the project's deny list", "critical"],
  "denied-provider": ["The provider is on the project's deny list", "critical"],
  "expired-suppression": ["A suppression has passed its expiry date", "medium"],
  "undeclared-provider": ["A provider API is called without its SDK declared as a dependency", "low"],
  "unused-provider-dependency": ["A provider SDK is declared but never used", "low"],
};

export const FINDING_RULES: FindingRule[] = RULE_IDS.map((id) => ({
  id,
  name: id,
  summary: RULE_TEXT[id][0],
  why: `A dependency on a model that matches '${id}' can break or expose the product without a code change`,
  fix: `Review the reference and follow the rule's remediation for ${id}`,
  level: RULE_TEXT[id][1],
  ...(id === "retired-model" && { example: 'openai.completions.create({ model: "text-davinci-003" })\n// fix: model: "gpt-3.5-turbo-instruct"' }),
})).sort((a, b) => (a.id < b.id ? -1 : 1));

const ref = (file: string, line: number, column: number, text: string, detector: "typescript" | "python" | "config") => ({
  file, line, column, endLine: line, endColumn: column + text.length, text, detector,
});

/** A project with a retired OpenAI model, a taken-down hub model, a Qwen model, an unknown and a dynamic one. */
export function makeRiskyReport(): Report {
  const davinci = ref("src/complete.ts", 4, 11, "text-davinci-003", "typescript");
  const runway = { ...ref("gen/image.py", 6, 53, "runwayml/stable-diffusion-v1-5", "python"), via: "from_pretrained" };
  const qwen = { ...ref("serve/qwen.py", 3, 44, "Qwen/Qwen2.5-7B-Instruct", "python"), revision: "a09a35458c702b33eeacc393d103063234e8bc28" };
  const unknown = ref("config/models.yaml", 2, 8, "acme/summarizer-v2", "config");
  return {
    schemaVersion: 1,
    tool: { name: "modelrisk", version: "0.1.0", rulesVersion: "sha256-3f1c" },
    asOf: "2026-11-28",
    summary: { score: 88, level: "critical", models: 4, references: 4, providers: 2, findings: 6, files: 9, skipped: 1 },
    models: [
      { id: "Qwen/Qwen2.5-7B-Instruct", known: true, provider: "huggingface", kind: "weights", family: "qwen2.5", license: "apache-2.0",
        licenseClass: "permissive", hosts: ["huggingface.co"], incidents: [], score: 12, level: "low",
        factors: [{ name: "availability", score: 0.3, weight: 0.4, reason: "Served from huggingface.co with ModelScope as a mirror.", sources: ["https://huggingface.co/Qwen/Qwen2.5-7B-Instruct"] }],
        sources: ["https://huggingface.co/Qwen/Qwen2.5-7B-Instruct"], references: [qwen] },
      { id: "acme/summarizer-v2", known: false, hosts: [], incidents: [], sources: [], references: [unknown], score: 30, level: "medium" },
      { id: "runwayml/stable-diffusion-v1-5", known: true, provider: "huggingface", kind: "weights", license: "creativeml-openrail-m",
        licenseClass: "restricted-commercial", hosts: ["huggingface.co"], incidents: ["runway-hf-2024-08"], score: 81, level: "critical",
        factors: [{ name: "takedown", score: 1, weight: 0.9, reason: "Runway deleted its Hugging Face organisation in August 2024; not restored.", sources: ["https://github.com/huggingface/diffusers/issues/9421"] }],
        sources: ["https://github.com/huggingface/diffusers/issues/9421"], references: [runway] },
      { id: "text-davinci-003", known: true, provider: "openai", kind: "api", license: "openai-terms", licenseClass: "proprietary-terms",
        hosts: ["api.openai.com"], incidents: [], score: 95, level: "critical",
        lifecycle: { status: "retired", deprecated: "2023-07-06", retires: "2024-01-04", replacement: "gpt-3.5-turbo-instruct", sources: ["https://developers.openai.com/api/docs/deprecations"] },
        factors: [{ name: "retirement", score: 1, weight: 1, reason: "Retired on 2024-01-04.", sources: ["https://developers.openai.com/api/docs/deprecations"] }],
        sources: ["https://developers.openai.com/api/docs/deprecations"], references: [davinci] },
    ],
    providers: [
      { id: "huggingface", name: "Hugging Face", known: true, references: [
        { file: "requirements.txt", line: 3, column: 1, endLine: 3, endColumn: 13, text: "transformers", detector: "python-deps", via: "transformers", dependency: { ecosystem: "pypi", name: "transformers", version: "4.46.3", direct: true } }] },
      { id: "openai", name: "OpenAI", known: true, references: [
        { file: "package.json", line: 12, column: 5, endLine: 12, endColumn: 13, text: "openai", detector: "npm", via: "openai", dependency: { ecosystem: "npm", name: "openai", version: "4.77.0", direct: true } }] },
    ],
    concentration: { hosts: { "api.openai.com": 0.25, "huggingface.co": 0.75 }, vendors: { acme: 0.25, openai: 0.25, Qwen: 0.25, runwayml: 0.25 }, hhi: { hosts: 0.625, vendors: 0.25 } },
    findings: [
      { rule: "retired-model", level: "critical", message: "text-davinci-003 was retired on 2024-01-04; requests fail.", fix: "Switch to gpt-3.5-turbo-instruct.", model: "text-davinci-003", provider: "openai", ...davinci },
      { rule: "takedown-history", level: "critical", message: "runwayml deleted its Hugging Face organisation in August 2024 and did not restore it", model: "runwayml/stable-diffusion-v1-5", ...runway },
      { rule: "unpinned-revision", level: "medium", message: "The weights are loaded without revision=", model: "runwayml/stable-diffusion-v1-5", ...runway },
      { rule: "unknown-model", level: "low", message: "acme/summarizer-v2 is not in the rules database.", model: "acme/summarizer-v2", ...unknown,
        suppressed: { kind: "inline", reason: "internal model, reviewed by legal" } },
      { rule: "dynamic-model-reference", level: "low", message: "The model comes from process.env.SUMMARY_MODEL with no default.", file: "src/summary.ts", line: 9, column: 12, endLine: 9, endColumn: 37 },
      { rule: "host-concentration", level: "medium", message: "75% of model references depend on huggingface.co.", file: "", line: 0, column: 0, endLine: 0, endColumn: 0 },
    ],
    dynamic: [{ ...ref("src/summary.ts", 9, 12, "process.env.SUMMARY_MODEL", "typescript"), dynamic: true }],
    skipped: [{ file: "data/huge.json", reason: "larger than 2 MB" }],
  };
}

/** A scan that found nothing. */
export function makeCleanReport(): Report {
  return {
    schemaVersion: 1, tool: { name: "modelrisk", version: "0.1.0" }, asOf: "2026-11-28",
    summary: { models: 0, references: 0, providers: 0, findings: 0, files: 3, skipped: 0 },
    models: [], providers: [], findings: [], skipped: [],
  };
}

export const SOURCES: Record<string, string> = {
  "src/complete.ts": 'import OpenAI from "openai";\nconst openai = new OpenAI();\nexport const complete = (prompt: string) => openai.completions.create({\n  model: "text-davinci-003",\n  prompt,\n});\n',
  "gen/image.py": 'from diffusers import StableDiffusionPipeline\nimport torch\n\n\ndef load():\n    return StableDiffusionPipeline.from_pretrained("runwayml/stable-diffusion-v1-5", torch_dtype=torch.float16)\n',
  "requirements.txt": "torch==2.5.1\ndiffusers==0.31.0\ntransformers==4.46.3\n",
  "package.json": '{\n  "name": "demo",\n  "dependencies": {}\n}\n',
};

export function makeReportContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return { findingRules: FINDING_RULES, rootPrefix: "", readSource: (file) => SOURCES[file], color: false, ...overrides };
}
