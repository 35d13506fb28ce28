import { discover, type Candidate } from "./discover/index.js";
import { isSkipped } from "./discover/read.js";
import { detectAll, loadDetectors } from "./detect/index.js";
import { resolveMentions } from "./resolve/resolve.js";
import { compareLocations } from "./resolve/order.js";
import { loadRules } from "./rules/load.js";
import type { RulesDb } from "./rules/types.js";
import type { DetectContext, Report, ScanEvent, Skipped, SourceFile } from "./types.js";
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
  /** A rules database already loaded (tests, repeated scans). */
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
  const db = options.db ?? (await loadRules({ extraDirs: [...(options.rules ?? [])], feedDirs: [...(options.feeds ?? [])] }));

  emit({ phase: "discover", done: 0, total: 0 });
  const found = await discover({
    root: options.root,
    paths: options.paths,
    maxFileSize: options.maxFileSize,
    staged: options.staged,
    changed: options.changed,
  });
  const skipped: Skipped[] = [...found.skipped];
  const detectors = await loadDetectors();
  const wanted = found.candidates.filter((c) => detectors.some((d) => d.accepts(c.path)));
  const files = await readCandidates(wanted, skipped, (done) => emit({ phase: "discover", done, total: wanted.length }));

  const ctx: DetectContext = {
    isKnownModel: (value) => db.lookupModel(value) !== undefined,
    providerFor: (kind, name) => db.providerFor(kind, name),
    skip: (file, reason) => void skipped.push({ file, reason }),
  };
  const mentions = await detectAll(files, detectors, ctx, (_, done) =>
    emit({ phase: "detect", done, total: detectors.length }),
  );

  emit({ phase: "resolve", done: 0, total: mentions.length });
  const resolved = resolveMentions(mentions, db, asOf);

  const referenced = new Set([...resolved.models.flatMap((m) => m.references.map((r) => r.file))]);
  const texts = new Map(files.filter((f) => referenced.has(f.path)).map((f) => [f.path, f.text]));
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.reason < b.reason ? -1 : 1));

  const report: Report = {
    schemaVersion: 1,
    tool: { name: "modelrisk", version: VERSION, rulesVersion: db.version },
    asOf,
    summary: {
      models: resolved.models.length,
      references: resolved.models.reduce((n, m) => n + m.references.length, 0),
      providers: resolved.providers.length,
      findings: 0,
      files: files.length,
      skipped: skipped.length,
    },
    models: resolved.models,
    providers: resolved.providers,
    findings: [],
    dynamic: resolved.dynamic.sort(compareLocations),
    skipped,
  };
  return { report, sourceOf: (file) => texts.get(file) };
}

/** Library entry point: `scan({ root, asOf, rules }) → Report`. */
export async function scan(options: ScanOptions): Promise<Report> {
  return (await scanDetailed(options)).report;
}

async function readCandidates(
  candidates: readonly Candidate[],
  skipped: Skipped[],
  progress: (done: number) => void,
): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  const limit = 32;
  let next = 0;
  let done = 0;
  const results: (SourceFile | Skipped)[] = new Array(candidates.length);
  async function worker(): Promise<void> {
    while (next < candidates.length) {
      const i = next++;
      results[i] = await candidates[i]!.read();
      progress(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, candidates.length) }, worker));
  for (const result of results) {
    if (isSkipped(result)) skipped.push(result);
    else files.push(result);
  }
  return files;
}
