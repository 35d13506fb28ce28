/**
 * A hand-built, realistic `Report` for reporter tests: a small image-and-chat app that loads SD 1.5 from
 * the deleted `runwayml` org, still calls a retired OpenAI completion model, uses Llama 2 weights and
 * an unknown in-house model. Facts follow /work/shared/reference/facts.md (copied here, not read).
 */
import type { Factor, Finding, Report, ReportModel, ReportReference } from "../../src/types.js";
import type { ReportContext } from "../../src/report/types.js";

export const RUNWAY_SOURCE = "https://github.com/huggingface/diffusers/issues/9421";
export const DAVINCI_SOURCE = "https://github.com/deepset-ai/haystack/issues/6660";
export const LLAMA2_SOURCE = "https://github.com/meta-llama/llama-models/blob/main/models/llama2/LICENSE";

export function ref(file: string, line: number, column: number, text: string, extra: Partial<ReportReference> = {}): ReportReference {
  return { file, line, column, endLine: line, endColumn: column + text.length + 2, text, detector: file.endsWith(".py") ? "python" : "typescript", ...extra };
}

function factor(name: Factor["name"], weight: number, score: number, reason: string, sources: string[] = []): Factor {
  return { name, weight, score, reason, sources };
}

export function sampleModels(): ReportModel[] {
  return [
    {
      id: "Xenova/all-MiniLM-L6-v2", known: true, provider: "huggingface", kind: "weights", license: "apache-2.0",
      licenseClass: "permissive", hosts: ["huggingface.co"], incidents: [], score: 0, level: "none",
      factors: [factor("license", 0.3, 0, "apache-2.0 is a permissive license")], sources: [],
      references: [ref("src/embed.ts", 4, 40, "Xenova/all-MiniLM-L6-v2", { via: "pipeline", revision: "main" })],
    },
    {
      id: "acme/support-bot-v3", known: false, provider: "huggingface", kind: "weights", hosts: ["huggingface.co"],
      incidents: [], score: 30, level: "medium", licenseClass: "unknown",
      factors: [factor("unknown", 0.3, 1, "not in the rules database: license, hosts and lifecycle are unknown")],
      sources: [], references: [ref("config/models.yaml", 3, 12, "acme/support-bot-v3", { detector: "config", via: "model_name" })],
    },
    {
      id: "gpt-4o", known: true, provider: "openai", kind: "api", license: "openai-terms", licenseClass: "proprietary-terms",
      hosts: ["api.openai.com"], incidents: [], score: 12, level: "low",
      factors: [factor("pinning", 0.15, 0.8, "gpt-4o is an alias that can move to a new snapshot; pin a dated snapshot such as gpt-4o-2024-08-06")],
      lifecycle: { status: "active", sources: [] }, sources: [],
      references: [ref("src/chat.ts", 18, 12, "gpt-4o", { via: "chat.completions.create" }), ref("src/summarize.ts", 7, 24, "gpt-4o")],
    },
    {
      id: "meta-llama/Llama-2-7b-chat-hf", known: true, provider: "huggingface", kind: "weights", license: "llama2",
      licenseClass: "restricted-commercial", hosts: ["huggingface.co"], incidents: [], score: 45, level: "medium",
      factors: [factor("license", 0.3, 0.6, "Llama 2 Community License: a separate license is needed above 700M monthly active users; acceptable-use policy applies", [LLAMA2_SOURCE])],
      sources: [LLAMA2_SOURCE], references: [ref("src/generate.py", 31, 44, "meta-llama/Llama-2-7b-chat-hf", { via: "from_pretrained", revision: "08751db2aca9bf2f7f80d2e516117a53d7450235" })],
    },
    {
      id: "runwayml/stable-diffusion-v1-5", known: true, provider: "huggingface", kind: "weights", license: "creativeml-openrail-m",
      licenseClass: "restricted-commercial", hosts: ["huggingface.co"], incidents: ["runway-hf-2024-08"], score: 81, level: "critical",
      factors: [
        factor("takedown", 0.35, 1, "Runway deleted its Hugging Face organisation in Aug 2024; the repository returns 404", [RUNWAY_SOURCE]),
        factor("pinning", 0.15, 1, "no revision= pin on a hub download"),
        factor("license", 0.3, 0.4, "CreativeML OpenRAIL-M: use-based restrictions pass on to every derivative"),
      ],
      sources: [RUNWAY_SOURCE],
      references: [
        ref("notebooks/demo.ipynb", 4, 18, "runwayml/stable-diffusion-v1-5", { detector: "notebook", via: "from_pretrained" }),
        ref("src/generate.py", 12, 9, "runwayml/stable-diffusion-v1-5", { via: "from_pretrained" }),
      ],
    },
    {
      id: "text-davinci-003", known: true, provider: "openai", kind: "api", license: "openai-terms", licenseClass: "proprietary-terms",
      hosts: ["api.openai.com"], incidents: [], score: 76, level: "high",
      factors: [factor("retirement", 0.4, 1, "retired on 2024-01-04; requests fail", [DAVINCI_SOURCE])],
      lifecycle: { status: "retired", deprecated: "2023-07-06", retires: "2024-01-04", replacement: "gpt-3.5-turbo-instruct", sources: [DAVINCI_SOURCE] },
      sources: [DAVINCI_SOURCE], references: [ref("src/legacy/complete.ts", 9, 14, "text-davinci-003", { via: "completions.create" })],
    },
  ];
}

function finding(rule: Finding["rule"], level: Finding["level"], at: ReportReference, message: string, model: string, fix?: string): Finding {
  return { rule, level, message, model, file: at.file, line: at.line, column: at.column, endLine: at.endLine, endColumn: at.endColumn, ...(fix ? { fix } : {}) };
}

export function sampleFindings(models: readonly ReportModel[]): Finding[] {
  const at = (id: string, i = 0): ReportReference => models.find((m) => m.id === id)!.references[i]!;
  return [
    finding("takedown-history", "critical", at("runwayml/stable-diffusion-v1-5", 1), "runwayml/stable-diffusion-v1-5 was removed from Hugging Face (Aug 2024)", "runwayml/stable-diffusion-v1-5", "load stable-diffusion-v1-5/stable-diffusion-v1-5, the copy the diffusers docs use"),
    finding("retired-model", "high", at("text-davinci-003"), "text-davinci-003 was retired on 2024-01-04", "text-davinci-003", "switch to gpt-3.5-turbo-instruct"),
    finding("unpinned-revision", "medium", at("runwayml/stable-diffusion-v1-5", 1), "hub weights loaded without revision=", "runwayml/stable-diffusion-v1-5", "pass revision=<commit sha>"),
    finding("restricted-license", "medium", at("meta-llama/Llama-2-7b-chat-hf"), "llama2 restricts commercial use above 700M monthly active users", "meta-llama/Llama-2-7b-chat-hf"),
    finding("floating-alias", "low", at("gpt-4o"), "gpt-4o is a moving alias", "gpt-4o", "pin gpt-4o-2024-08-06"),
  ];
}

/** The full, scored sample report. */
export function buildSampleReport(): Report {
  const models = sampleModels().sort((a, b) => (a.id < b.id ? -1 : 1));
  const findings = sampleFindings(models);
  const references = models.reduce((n, m) => n + m.references.length, 0);
  return {
    schemaVersion: 1,
    tool: { name: "modelrisk", version: "0.1.0" },
    asOf: "2026-11-28",
    summary: { score: 72, level: "high", models: models.length, references, providers: 2, findings: findings.length, files: 42, skipped: 1 },
    models,
    providers: [
      { id: "huggingface", known: true, references: [{ ...ref("requirements.txt", 3, 1, "transformers"), detector: "python-deps", via: "transformers" }] },
      { id: "openai", known: true, references: [{ ...ref("package.json", 14, 5, "openai"), detector: "npm", via: "openai" }] },
    ],
    concentration: {
      hosts: { "api.openai.com": 0.375, "huggingface.co": 0.625 },
      vendors: { acme: 0.125, "meta-llama": 0.125, openai: 0.375, runwayml: 0.25, Xenova: 0.125 },
      hhi: { hosts: 0.53, vendors: 0.25 },
    },
    findings,
    dynamic: [ref("src/router.ts", 22, 15, "process.env.CHAT_MODEL", { dynamic: true })],
    skipped: [{ file: "assets/weights.bin", reason: "binary file" }],
  };
}

/** The same project before the risk engine exists: no scores, levels, factors or concentration. */
export function buildUnscoredReport(): Report {
  const report = buildSampleReport();
  const models = report.models.map(({ score: _s, level: _l, factors: _f, ...rest }) => rest);
  const { score: _score, level: _level, ...summary } = report.summary;
  const { concentration: _c, ...rest } = report;
  return { ...rest, summary: { ...summary, findings: 0 }, models, findings: [] };
}

/** A reporter context with no rules and no sources; colour off unless asked. */
export function sampleContext(overrides: Partial<ReportContext> = {}): ReportContext {
  return { findingRules: [], rootPrefix: "", readSource: () => undefined, color: false, ...overrides };
}
