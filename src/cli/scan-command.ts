import { stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadReporter } from "../report/index.js";
import type { Format, ReportContext } from "../report/types.js";
import { scanDetailed } from "../scan.js";
import type { Level } from "../types.js";
import { EXIT, UsageError } from "./errors.js";
import { exitCodeFor } from "./gate.js";

export interface ScanFlags {
  format?: Format;
  output?: string;
  asOf?: string;
  rules?: string[];
  feeds?: string[];
  maxFileSize?: number;
  failOn?: Level;
  severityThreshold?: Level;
  color?: boolean;
  quiet?: boolean;
  verbose?: boolean;
}

/** `modelrisk scan`: parse → scan → report → exit code, the exit code decided once, from findings only. */
export async function runScan(paths: readonly string[], flags: ScanFlags): Promise<number> {
  const target = await resolveTarget(paths);
  const format = flags.format ?? defaultFormat();
  const isInteractive = format === "tui";
  const color = flags.color !== false && !process.env.NO_COLOR && (flags.output ? false : Boolean(process.stdout.isTTY));
  const result = await scanDetailed({
    root: target.root,
    paths: target.paths,
    asOf: flags.asOf,
    rules: flags.rules,
    feeds: flags.feeds,
    maxFileSize: flags.maxFileSize,
  });
  const ctx: ReportContext = {
    findingRules: [],
    rootPrefix: "",
    readSource: result.sourceOf,
    color,
    width: process.stdout.columns,
  };
  if (isInteractive) throw new UsageError("--format tui is not available yet");
  const text = (await loadReporter(format))(result.report, ctx);
  if (flags.output) await writeFile(flags.output, text);
  else process.stdout.write(text);
  if (flags.verbose) for (const s of result.report.skipped) process.stderr.write(`skipped: ${s.file}, ${s.reason}\n`);
  return exitCodeFor(result.report, flags.failOn ?? flags.severityThreshold);
}

function defaultFormat(): Format {
  return "json";
}

async function resolveTarget(paths: readonly string[]): Promise<{ root: string; paths?: string[] }> {
  const list = paths.length > 0 ? paths : ["."];
  if (list.length === 1) {
    const info = await stat(list[0]!).catch(() => undefined);
    if (!info) throw new UsageError(`cannot scan '${list[0]}': no such file or folder`);
    if (info.isDirectory()) return { root: resolve(list[0]!) };
  }
  return { root: process.cwd(), paths: [...list] };
}

export { EXIT };
