/**
 * The data that flows through the pipeline: discover → detect → resolve → assess → report.
 * Each stage reads the previous stage's plain data and adds its own; nothing here does work.
 */

/** A 1-based position span in a file; columns count UTF-16 code units, end column is exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Location extends Span {
  /** Path relative to the scanned root, POSIX separators. */
  file: string;
}

// ── discover ────────────────────────────────────────────────────────────────

/** A file chosen for scanning, its content already decoded. */
export interface SourceFile {
  /** Relative POSIX path from the scan root (or the repository root in staged mode). */
  path: string;
  text: string;
}

export interface Skipped {
  file: string;
  reason: string;
}

// ── detect ──────────────────────────────────────────────────────────────────

export const DETECTORS = [
  "typescript",
  "python",
  "notebook",
  "config",
  "dockerfile",
  "shell",
  "endpoint",
  "npm",
  "python-deps",
] as const;
export type DetectorName = (typeof DETECTORS)[number];

/**
 * How sure the detector is that `value` names a model:
 * - `model-position`: the value sits where an SDK, CLI or config key takes a model (kept even when unknown);
 * - `literal`: any string in code; kept only when the rules database knows it;
 * - `url`: a hub URL (`huggingface.co/org/name`), kept as a hub model.
 */
export type Evidence = "model-position" | "literal" | "url";

export interface ModelMention extends Location {
  kind: "model";
  /** The model id as written (after constant folding), or the expression text when `dynamic`. */
  value: string;
  /** The source text at the location (the literal, without quotes). */
  text: string;
  detector: DetectorName;
  evidence: Evidence;
  /** A model position whose value cannot be resolved statically. */
  dynamic?: boolean;
  /** Provider suggested by the call shape (`openai` for `openai.chat.completions.create`). */
  providerHint?: string;
  /** The SDK call or key that made this a model position, e.g. `chat.completions.create` or `model_name`. */
  via?: string;
  /** `revision=` (Hugging Face) or tag pin, when present. */
  revision?: string;
  /** Where the value is used when it is defined elsewhere (constant, default, import). */
  usedAt?: Location[];
}

export interface ProviderMention extends Location {
  kind: "provider";
  /** Provider id from the rules database (`openai`), or the package / host seen when no provider is known. */
  value: string;
  text: string;
  detector: DetectorName;
  /** The npm/PyPI package, API host or env var that names the provider. */
  via: string;
  dependency?: { ecosystem: "npm" | "pypi"; name: string; version?: string; direct: boolean };
}

export type Mention = ModelMention | ProviderMention;

export interface DetectContext {
  /** True when the rules database knows this string as a model id (exact or by pattern). */
  isKnownModel(value: string): boolean;
  /** Provider id for an npm/PyPI package name, API host or env var, if the database knows one. */
  providerFor(kind: "npm" | "pypi" | "host" | "env", name: string): string | undefined;
  /** Record a file the detector could not read (malformed, too deep…); the scan goes on. */
  skip(file: string, reason: string): void;
  /**
   * Absolute scan root, when the files given are what is on disk there. Lets the npm detector hand a
   * project folder to Arborist; absent for in-memory scans and staged blobs (detectors parse the text).
   */
  root?: string;
}

/** One module per input kind, same signature: files in, mentions out. */
export interface Detector {
  name: DetectorName;
  /** Whether this detector wants the file, by path only. */
  accepts(path: string): boolean;
  /**
   * Start loading what `detect` will need for these paths (a parser, a library) while the scan is
   * still reading files. Optional; never throws.
   */
  prepare?(paths: readonly string[], ctx: Pick<DetectContext, "root">): void;
  /** All accepted files come in one call, so detectors can follow imports across files. */
  detect(files: readonly SourceFile[], ctx: DetectContext): Promise<Mention[]> | Mention[];
}

// ── resolve / assess / report (the JSON report, schemaVersion 1) ────────────

export const LEVELS = ["none", "low", "medium", "high", "critical"] as const;
export type Level = (typeof LEVELS)[number];

export const LICENSE_CLASSES = [
  "permissive",
  "copyleft",
  "restricted-commercial",
  "non-commercial",
  "proprietary-terms",
  "unknown",
] as const;
export type LicenseClass = (typeof LICENSE_CLASSES)[number];

export type ModelKind = "api" | "weights" | "local";

export const FACTORS = ["license", "retirement", "takedown", "availability", "pinning", "unknown"] as const;
export type FactorName = (typeof FACTORS)[number];

export interface Factor {
  name: FactorName;
  /** Severity of this factor in [0,1]. */
  score: number;
  /** Weight from rules/scoring.yaml. */
  weight: number;
  reason: string;
  sources: string[];
}

export interface ReportReference extends Location {
  text: string;
  detector: DetectorName;
  via?: string;
  revision?: string;
  dynamic?: boolean;
  usedAt?: Location[];
}

export interface Lifecycle {
  status: "active" | "deprecated" | "retiring" | "retired" | "unknown";
  deprecated?: string;
  retires?: string;
  replacement?: string;
  sources: string[];
}

export interface ReportModel {
  id: string;
  /** Id as the database knows it, when the written id is an alias or differs in case. */
  canonical?: string;
  known: boolean;
  provider?: string;
  kind?: ModelKind;
  family?: string;
  license?: string;
  licenseClass?: LicenseClass;
  hosts: string[];
  lifecycle?: Lifecycle;
  incidents: string[];
  score?: number;
  level?: Level;
  factors?: Factor[];
  sources: string[];
  references: ReportReference[];
}

export interface ReportProvider {
  id: string;
  name?: string;
  known: boolean;
  references: (Location & { text: string; detector: DetectorName; via: string; dependency?: ProviderMention["dependency"] })[];
}

export const RULE_IDS = [
  "retired-model",
  "retiring-model",
  "deprecated-model",
  "non-commercial-license",
  "restricted-license",
  "copyleft-license",
  "unknown-license",
  "takedown-history",
  "single-host",
  "host-concentration",
  "vendor-concentration",
  "single-vendor",
  "unpinned-revision",
  "floating-alias",
  "unknown-model",
  "dynamic-model-reference",
  "denied-license",
  "denied-provider",
  "expired-suppression",
  "undeclared-provider",
  "unused-provider-dependency",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export interface Finding extends Location {
  rule: RuleId;
  level: Level;
  message: string;
  model?: string;
  provider?: string;
  fix?: string;
  /** Set when a suppression or the baseline takes the finding out of gating. */
  suppressed?: { kind: "inline" | "config" | "baseline"; reason?: string };
}

export interface Concentration {
  /** Share of model references per host, 0..1, keys sorted. */
  hosts: Record<string, number>;
  /** Share of model references per organisation / vendor. */
  vendors: Record<string, number>;
  hhi: { hosts: number; vendors: number };
}

export interface Report {
  schemaVersion: 1;
  tool: { name: "modelrisk"; version: string; rulesVersion?: string };
  asOf: string;
  summary: {
    score?: number;
    level?: Level;
    models: number;
    references: number;
    providers: number;
    findings: number;
    files: number;
    skipped: number;
  };
  models: ReportModel[];
  providers: ReportProvider[];
  concentration?: Concentration;
  findings: Finding[];
  /** Model positions whose value the scan could not read (a parameter, an env var with no default). */
  dynamic?: ReportReference[];
  skipped: Skipped[];
}

// ── scan options and progress ───────────────────────────────────────────────

export type ScanPhase = "discover" | "detect" | "resolve" | "assess";

/** Progress the core emits; the CLI decides whether and how to show it. */
export interface ScanEvent {
  phase: ScanPhase;
  done: number;
  total: number;
  file?: string;
}
