import { realpath, stat, writeFile } from "node:fs/promises";
import { relative, resolve, sep } from "node:path";
import { gitTopLevel } from "../discover/git.js";
import { loadPolicy } from "../policy/load.js";
import { loadRules } from "../rules/load.js";
import { defaultCacheDir } from "../detect/cache.js";
import { loadReporter } from "../report/index.js";
import type { Format, ReportContext } from "../report/types.js";
import { scanDetailed } from "../scan.js";
import type { Level } from "../types.js";
import { UsageError } from "./errors.js";
import { exitCodeFor } from "./gate.js";

export interface ScanFlags {
  format?: Format;
  output?: string;
  asOf?: string;
  rules?: string[];
  feeds?: string[];
  maxFileSize?: number;
  workers?: number;
  cache?: boolean | string;
  staged?: boolean;
  changed?: string;
  projectFindings?: boolean;
  config?: string;
  baseline?: string;
  category?: string;
  failOn?: Level;
  severityThreshold?: Level;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** `modelrisk scan`: parse → scan → report → exit code, the exit code decided once, from findings only. */
export async function runScan(paths: readonly string[], flags: ScanFlags): Promise<number> {
  if (flags.staged && paths.length > 0) throw new UsageError("--staged takes no paths: it scans what is staged");
  const target = await resolveTarget(paths, Boolean(flags.staged || flags.changed !== undefined));
  const format = flags.format ?? defaultFormat(flags, target.paths !== undefined);
  const interactive = format === "tui";
  const color = flags.color !== false && !process.env.NO_COLOR && !flags.output && Boolean(process.stdout.isTTY);

  const policy = await loadPolicy(target.root, flags.config);
  const db = await loadRules({ extraDirs: [...policy.overlays, ...(flags.rules ?? [])], feedDirs: flags.feeds ?? [] });
  if (flags.verbose) for (const line of db.overrides) process.stderr.write(`override: ${line}\n`);
  const baseline = flags.baseline ? await (await import("../policy/read-baseline.js")).readBaseline(flags.baseline) : undefined;
  const progress = await startProgress(flags, format);
  const result = await scanDetailed({
    root: target.root,
    paths: target.paths,
    staged: flags.staged,
    changed: flags.changed,
    projectFindings: flags.projectFindings,
    asOf: flags.asOf,
    maxFileSize: flags.maxFileSize,
    threads: flags.workers,
    ...(flags.cache ? { cacheDir: typeof flags.cache === "string" ? resolve(flags.cache) : defaultCacheDir() } : {}),
    rules: flags.rules,
    feeds: flags.feeds,
    db,
    policy,
    baseline,
    onEvent: progress?.onEvent,
  });
  progress?.done();

  const ctx: ReportContext = {
    findingRules: [...db.findingRules.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    rootPrefix: await rootPrefix(target.root, Boolean(flags.staged || flags.changed !== undefined)),
    readSource: result.sourceOf,
    color,
    width: process.stdout.columns,
  };
  if (flags.category) ctx.category = flags.category;
  if (interactive) {
    const { runTui } = await import("../report/tui/index.js");
    await runTui(result.report, { ...ctx, color: flags.color !== false && Boolean(process.stdout.isTTY) });
  } else {
    const text = (await loadReporter(format))(result.report, ctx);
    if (flags.output) await writeFile(flags.output, text);
    else process.stdout.write(text);
  }
  if (flags.verbose) for (const s of result.report.skipped) process.stderr.write(`skipped: ${s.file}, ${s.reason}\n`);
  return exitCodeFor(result.report, flags.failOn ?? flags.severityThreshold ?? policy.failOn);
}

/** People at a terminal get the UI; pipes and CI get text; commit-time runs get one line per finding. */
function defaultFormat(flags: ScanFlags, isFileList: boolean): Format {
  if (flags.staged || isFileList) return "compact";
  if (flags.output) return "text";
  return process.stdout.isTTY && !process.env.CI ? "tui" : "text";
}

async function startProgress(flags: ScanFlags, format: Format) {
  const enabled = !flags.quiet && Boolean(process.stderr.isTTY) && !process.env.CI && format !== "compact";
  if (!enabled) return undefined;
  const { createProgress } = await import("./progress.js");
  return createProgress(process.stderr, { enabled });
}

/**
 * A folder is the scan root; files (as pre-commit passes them) are scanned inside the repository
 * that holds them, so their report paths are relative to its top level.
 */
async function resolveTarget(paths: readonly string[], gitMode: boolean): Promise<{ root: string; paths?: string[] }> {
  const list = paths.length > 0 ? paths : ["."];
  if (list.length === 1) {
    const info = await stat(list[0]!).catch(() => undefined);
    if (!info) throw new UsageError(`cannot scan '${list[0]}': no such file or folder`);
    if (info.isDirectory()) return { root: gitMode ? await gitTopLevel(resolve(list[0]!)) : resolve(list[0]!) };
  }
  const root = await gitTopLevel(process.cwd()).catch(() => process.cwd());
  return { root, paths: list.map((p) => resolve(p)) };
}

/** SARIF URIs are relative to the repository root, even when a sub-folder was scanned. */
async function rootPrefix(root: string, isTop: boolean): Promise<string> {
  if (isTop) return "";
  const top = await gitTopLevel(root).catch(() => undefined);
  if (!top) return "";
  const rel = relative(top, await realpath(root)).split(sep).join("/");
  return rel === "" || rel.startsWith("..") ? "" : `${rel}/`;
}
