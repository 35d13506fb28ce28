import { resolve } from "node:path";
import { discover, type Candidate } from "./discover/index.js";
import { isSkipped } from "./discover/read.js";
import { DetectionCache } from "./detect/cache.js";
import { detectContext } from "./detect/context.js";
import { DetectionRun, loadDetectors, type LoadedDetector } from "./detect/index.js";
import { isTypescriptSource } from "./detect/paths.js";
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
  const paths = found.candidates.map((c) => c.path);
  const root = options.staged ? undefined : resolve(found.base ?? options.root);
  const ctx = detectContext(db, skipped, root);
  const detectOptions = { threads: options.threads ?? ("auto" as const), rules };
  // Detectors load (CPU) while the first files are read (I/O); once they are loaded, files no
  // detector wants are no longer read at all.
  let detectors: LoadedDetector[] | undefined;
  const loading = loadDetectors(paths).then((loaded) => {
    for (const detector of loaded) detector.prepare?.(paths, { root });
    return (detectors = loaded);
  });
  const isWanted = (path: string) => detectors!.some((d) => d.accepts(path));
  const cache = options.cacheDir ? { cache: new DetectionCache(options.cacheDir, `${VERSION}\0${db.version}`) } : {};
  let run: DetectionRun | undefined;
  // Per-file detectors take each chunk as it is read; only files a cross-file detector needs, or
  // that hold a mention, keep their text: a tree of data files is never all in memory.
  const kept: SourceFile[] = [];
  const texts = new Map<string, string>();
  let wanted = 0;
  const flush = async (chunk: SourceFile[], chunkSkips: Skipped[]) => {
    const loaded = await loading;
    run ??= new DetectionRun(loaded, ctx, {
      ...detectOptions,
      onDetector: (_, done) => emit({ phase: "detect", done, total: loaded.length }),
      ...cache,
    });
    skipped.push(...chunkSkips.filter((s) => isWanted(s.file)));
    const files = chunk.filter((f) => isWanted(f.path));
    wanted += files.length;
    const needed = new Set(await run.add(files));
    for (const f of files) {
      if (needed.has(f)) kept.push(f);
      if (needed.has(f) || run.hasMentions(f.path)) texts.set(f.path, f.text);
    }
  };
  // TypeScript files first: once all are read, their pass (in a worker, when large) starts and runs
  // beside the reading and per-file detection of everything else.
  const first = found.candidates.filter((c) => isTypescriptSource(c.path));
  const rest = found.candidates.filter((c) => !isTypescriptSource(c.path));
  const shouldRead = (path: string) => detectors === undefined || isWanted(path);
  await readInChunks(first, shouldRead, flush, (done) => emit({ phase: "discover", done, total: paths.length }));
  run?.startEarly(kept, (detector) => !rest.some((c) => detector.accepts(c.path)));
  await readInChunks(rest, shouldRead, flush, (done) => emit({ phase: "discover", done: first.length + done, total: paths.length }));
  // Each `readInChunks` ends with a flush, which made the run.
  const mentions = await run!.finish(kept);

  emit({ phase: "resolve", done: 0, total: mentions.length });
  const resolved = resolveMentions(mentions, db, asOf);
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
      files: wanted,
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

/** Candidates per chunk handed to the per-file detectors (by position in the walk, so chunks are reproducible). */
const CHUNK = 512;

/**
 * Reads the candidates in walk order and hands them over chunk by chunk. Reading is synchronous
 * (see `readSource`); every slice yields once, so the first await lets the detectors start loading
 * and progress can be drawn.
 */
async function readInChunks(
  candidates: readonly Candidate[],
  shouldRead: (path: string) => boolean,
  flush: (files: SourceFile[], skipped: Skipped[]) => Promise<void>,
  progress: (done: number) => void,
): Promise<void> {
  let files: SourceFile[] = [];
  let skipped: Skipped[] = [];
  const slice = 256;
  for (let i = 0; i < candidates.length; i++) {
    if (i % slice === 0) await new Promise((resolveSlice) => setImmediate(resolveSlice));
    if (i > 0 && i % CHUNK === 0) {
      await flush(files, skipped);
      [files, skipped] = [[], []];
    }
    const candidate = candidates[i]!;
    if (shouldRead(candidate.path)) {
      const result = candidate.read();
      if (isSkipped(result)) skipped.push(result);
      else files.push(result);
    }
    progress(i + 1);
  }
  await flush(files, skipped);
}
