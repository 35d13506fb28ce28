import { availableParallelism } from "node:os";
import type { LoadOptions } from "../rules/load.js";
import type { Detector, DetectContext, Mention, Skipped, SourceFile } from "../types.js";
import type { DetectionCache } from "./cache.js";

/** A detector that can also split a large batch over worker threads. */
export interface LoadedDetector extends Detector {
  parallel?: {
    minFiles: number;
    isAvailable(): boolean;
    detect(files: readonly SourceFile[], ctx: DetectContext, threads: number, rules: LoadOptions): Promise<Mention[]>;
    /** The whole batch in one worker thread, so the main thread is free for the other detectors. */
    offload(files: readonly SourceFile[], ctx: DetectContext, rules: LoadOptions): Promise<Mention[]>;
  };
}

interface Entry {
  load: () => Promise<LoadedDetector>;
  /** A cheap path test for detectors whose module is expensive to load (the TypeScript compiler). */
  mayAccept?: (path: string) => boolean;
}

/** Every detector, in the order their mentions win when two see the same place. */
const REGISTRY: readonly Entry[] = [
  {
    load: async () => {
      const [{ typescriptDetector }, parallel] = await Promise.all([import("./typescript/index.js"), import("./typescript/parallel.js")]);
      return {
        ...typescriptDetector,
        parallel: {
          minFiles: parallel.PARALLEL_MIN_FILES,
          isAvailable: parallel.canUseWorkers,
          detect: parallel.detectTypescriptParallel,
          offload: parallel.detectTypescriptInWorker,
        },
      };
    },
    mayAccept: (path) => /\.[cm]?[jt]sx?$/i.test(path),
  },
  { load: async () => (await import("./python/index.js")).pythonDetector },
  { load: async () => (await import("./notebook.js")).notebookDetector },
  { load: async () => (await import("./config/index.js")).configDetector },
  { load: async () => (await import("./dockerfile.js")).dockerfileDetector },
  { load: async () => (await import("./shell.js")).shellDetector },
  { load: async () => (await import("./npm.js")).npmDetector },
  { load: async () => (await import("./python-deps.js")).pythonDepsDetector },
  { load: async () => (await import("./endpoint.js")).endpointDetector },
];

/**
 * The detectors a scan needs. Given the candidate paths, a detector whose module is costly to load
 * is left out when no path could be for it, so a pre-commit run on two YAML files never loads TypeScript.
 */
export async function loadDetectors(paths?: readonly string[]): Promise<LoadedDetector[]> {
  const wanted = REGISTRY.filter((e) => !paths || !e.mayAccept || paths.some(e.mayAccept));
  return Promise.all(wanted.map((e) => e.load()));
}

export interface DetectOptions {
  /** Threads to use (1 = the main thread only); `auto` uses every core for batches worth it. */
  threads: number | "auto";
  /** How workers load the same rules database as the main thread. */
  rules: LoadOptions;
  onDetector?: (name: string, done: number) => void;
  /** Reuse results of identical batches from earlier runs (`--cache`). */
  cache?: DetectionCache;
}

/**
 * Hands each detector the files it accepts. A detector that throws loses its own batch only:
 * the failure is noted and the scan goes on with the others.
 */
export async function detectAll(
  files: readonly SourceFile[],
  detectors: readonly LoadedDetector[],
  ctx: DetectContext,
  options: DetectOptions,
): Promise<Mention[]> {
  let done = 0;
  // Detectors see files in path order, however the walk, git or a worker found them.
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const batches = detectors.map((d) => sorted.filter((f) => d.accepts(f.path)));
  const results: Mention[][] = detectors.map(() => []);
  // A large batch of a detector that can move to a worker thread starts first and runs beside the
  // others, which take the main thread meanwhile; results are put back in registry order.
  const background = detectors.map((d, i) =>
    batches[i]!.length > 0 && modeFor(d, batches[i]!.length, options.threads) === "offload"
      ? runCached(d, batches[i]!, ctx, options, "offload").then((mentions) => {
          results[i] = mentions;
          options.onDetector?.(d.name, ++done);
        })
      : undefined,
  );
  for (const [i, detector] of detectors.entries()) {
    if (background[i]) continue;
    if (batches[i]!.length > 0) results[i] = await runCached(detector, batches[i]!, ctx, options, modeFor(detector, batches[i]!.length, options.threads));
    options.onDetector?.(detector.name, ++done);
  }
  await Promise.all(background);
  return results.flat();
}

/** `main`: this thread; `split`: a share for this thread and each worker; `offload`: one worker. */
type Mode = "main" | "split" | "offload";

async function runCached(
  detector: LoadedDetector,
  files: readonly SourceFile[],
  ctx: DetectContext,
  options: DetectOptions,
  mode: Mode,
): Promise<Mention[]> {
  const key = options.cache?.key(detector.name, files);
  const hit = key ? await options.cache!.read(key) : undefined;
  if (hit) {
    for (const s of hit.skipped) ctx.skip(s.file, s.reason);
    return hit.mentions;
  }
  const skipped: Skipped[] = [];
  const recording: DetectContext = { ...ctx, skip: (file, reason) => void skipped.push({ file, reason }) };
  let mentions: Mention[];
  try {
    if (mode === "offload") mentions = await detector.parallel!.offload(files, recording, options.rules);
    else if (mode === "split") mentions = await detector.parallel!.detect(files, recording, threadsFor(files.length, options.threads), options.rules);
    else mentions = await detector.detect(files, recording);
  } catch (error) {
    skipped.push({ file: files.length === 1 ? files[0]!.path : ".", reason: `${detector.name} detector failed: ${oneLine(error)}` });
    mentions = [];
  }
  for (const s of skipped) ctx.skip(s.file, s.reason);
  if (key) await options.cache!.write(key, { mentions, skipped });
  return mentions;
}

function modeFor(detector: LoadedDetector, count: number, wanted: number | "auto"): Mode {
  if (!detector.parallel?.isAvailable() || count < 2 || wanted === 1) return "main";
  if (wanted !== "auto") return "split";
  if (count < detector.parallel.minFiles) return "main";
  // Measured on a 2-vCPU machine: two threads splitting the TypeScript pass ran it no faster (each
  // slowed ~1.7× beside the other, parsing is memory-bound there), but the pass in one worker beside
  // the other detectors on the main thread overlaps them. With 4+ cores the pass is also split.
  return availableParallelism() >= 4 ? "split" : "offload";
}

function threadsFor(count: number, wanted: number | "auto"): number {
  const threads = wanted === "auto" ? Math.min(availableParallelism(), 4) : wanted;
  return Math.max(1, Math.min(threads, count));
}

function oneLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split("\n")[0]!.slice(0, 200);
}
