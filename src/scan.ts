import { resolve } from "node:path";
import { discover, type Candidate } from "./discover/index.js";
import { isSkipped } from "./discover/read.js";
import { DetectionCache } from "./detect/cache.js";
import { detectContext } from "./detect/context.js";
import { detectAll, loadDetectors } from "./detect/index.js";
import { assess, PROJECT_RULES } from "./assess/index.js";
import { loadPolicy, type Policy } from "./policy/load.js";
import { resolveMentions } from "./resolve/resolve.js";
import { loadRules } from "./rules/load.js";
import type { RulesDb } from "./rules/types.js";
import type { Finding, Report, ScanEvent, Skipped, SourceFile } from "./types.js";
import { VERSION } from "./version.js";

export interface ScanOptions {
  /** Folder to scan. */
  root: string;
  /** Day the lifecycle checks are made for, YYYY-MM-DD (default: today, UTC). */
  asOf?: string;
  /** Extra rule folders, later ones override earlier ones by id. */
  rules?: readonly string[];
  /** Extra retirement feed folders (model-eol/0.1). */
  feeds?: readonly string[];
  /** Scan only these files instead of walking the root. */
  paths?: readonly string[];
  /** Scan what is staged in the git index instead of the working tree (pre-commit). */
  staged?: boolean;
  /** Scan files changed since this git revision and keep only findings on changed lines. */
  changed?: string;
  /** Files larger than this many bytes are skipped with a note. */
  maxFileSize?: number;
  /** Policy file; default `.modelrisk.yaml` at the root when it exists. */
  config?: string;
  /** A policy already loaded (overrides `config`). */
  policy?: Policy;
  /** A previous JSON report: its findings are marked as baseline and do not count for gating. */
  baseline?: Report;
  /** In staged or file-list mode, also compute project-level findings (concentration, single vendor). */
  projectFindings?: boolean;
  /** Reuse detector results of identical inputs from this folder (`--cache`); off when undefined. */
  cacheDir?: string;
  /** Threads for detection: 1 keeps to the main thread; default: every core for large batches. */
  threads?: number;
  /** A rules database already loaded (tests, repeated scans); it must come from `rules` and `feeds`. */
  db?: RulesDb;
  onEvent?: (event: ScanEvent) => void;
}

export interface ScanResult {
  report: Report;
  /** Text of a scanned file that holds a reference, for reporters that fingerprint lines. */
  sourceOf(file: string): string | undefined;
}

/** The whole pipeline on one screen: discover → detect → resolve → assess → report. */
export async function scanDetailed(options: ScanOptions): Promise<ScanResult> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const emit = options.onEvent ?? (() => {});
  const policy = options.policy ?? (await loadPolicy(resolve(options.root), options.config));
  const rules = { extraDirs: [...policy.overlays, ...(options.rules ?? [])], feedDirs: [...(options.feeds ?? [])] };
  const db = options.db ?? (await loadRules(rules));

  emit({ phase: "discover", done: 0, total: 0 });
  const found = await discover({
    root: options.root,
    ignorePatterns: policy.ignore,
    paths: options.paths,
    maxFileSize: options.maxFileSize,
    staged: options.staged,
    changed: options.changed,
  });
  const skipped: Skipped[] = [...found.skipped, ...(policy.skipped ? [policy.skipped] : [])];
  // Reading files (I/O) and loading the detectors' parsers (CPU) overlap; nearly every text file is
  // wanted by some detector (the endpoint detector reads them all), so little is read for nothing.
  const paths = found.candidates.map((c) => c.path);
  const root = options.staged ? undefined : resolve(found.base ?? options.root);
  const readSkips: Skipped[] = [];
  const reading = readCandidates(found.candidates, readSkips, (done) => emit({ phase: "discover", done, total: paths.length }));
  const detectors = await loadDetectors(paths);
  for (const detector of detectors) detector.prepare?.(paths, { root });
  const isWanted = (path: string) => detectors.some((d) => d.accepts(path));
  const files = (await reading).filter((f) => isWanted(f.path));
  skipped.push(...readSkips.filter((s) => isWanted(s.file)));

  const ctx = detectContext(db, skipped, root);
  const mentions = await detectAll(files, detectors, ctx, {
    threads: options.threads ?? "auto",
    rules,
    onDetector: (_, done) => emit({ phase: "detect", done, total: detectors.length }),
    ...(options.cacheDir ? { cache: new DetectionCache(options.cacheDir, `${VERSION}\0${db.version}`) } : {}),
  });

  emit({ phase: "resolve", done: 0, total: mentions.length });
  const resolved = resolveMentions(mentions, db, asOf);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const mentioned = new Set(mentions.map((m) => m.file));
  for (const path of texts.keys()) if (!mentioned.has(path)) texts.delete(path);
  const sourceOf = (file: string) => texts.get(file);

  emit({ phase: "assess", done: 0, total: resolved.models.length });
  const assessed = assess(resolved, db, { asOf, policy, sourceOf, baseline: options.baseline });
  const partial = options.staged || options.paths !== undefined || options.changed !== undefined;
  let findings = assessed.findings;
  if (partial && !options.projectFindings) findings = findings.filter((f) => !PROJECT_RULES.has(f.rule));
  if (found.lines) findings = findings.filter((f) => onChangedLine(f, found.lines!));
  const notes = uniqueSkips(skipped);

  const report: Report = {
    schemaVersion: 1,
    tool: { name: "modelrisk", version: VERSION, rulesVersion: db.version },
    asOf,
    summary: {
      score: assessed.summary.score,
      level: assessed.summary.level,
      models: assessed.models.length,
      references: assessed.models.reduce((n, m) => n + m.references.length, 0),
      providers: assessed.providers.length,
      findings: findings.length,
      files: files.length,
      skipped: notes.length,
    },
    models: assessed.models,
    providers: assessed.providers,
    concentration: assessed.concentration,
    findings,
    dynamic: assessed.dynamic,
    skipped: notes,
  };
  return { report, sourceOf };
}

/** Library entry point: `scan({ root, asOf, rules }) → Report`. */
export async function scan(options: ScanOptions): Promise<Report> {
  return (await scanDetailed(options)).report;
}

/** Each skipped file once per reason (two threads may both meet a file through imports), sorted. */
function uniqueSkips(skipped: readonly Skipped[]): Skipped[] {
  const seen = new Map(skipped.map((s) => [`${s.file}\0${s.reason}`, s]));
  return [...seen.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}

/** A finding counts in `--changed` mode when its line was added or modified. */
function onChangedLine(f: Finding, lines: Map<string, [number, number][]>): boolean {
  return (lines.get(f.file) ?? []).some(([from, to]) => f.line >= from && f.line <= to);
}

/**
 * Reads the candidates in order, in slices: the first await lets `loadDetectors` start, and each
 * later one lets the module loading it started go on while files are read.
 */
async function readCandidates(
  candidates: readonly Candidate[],
  skipped: Skipped[],
  progress: (done: number) => void,
): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const slice = 256;
  for (let i = 0; i < candidates.length; i++) {
    if (i % slice === 0) await new Promise((resolveSlice) => setImmediate(resolveSlice));
    const result = candidates[i]!.read();
    if (isSkipped(result)) skipped.push(result);
    else files.push(result);
    progress(i + 1);
  }
  return files;
}
