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
        parallel: { minFiles: parallel.PARALLEL_MIN_FILES, isAvailable: parallel.canUseWorkers, detect: parallel.detectTypescriptParallel },
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
  const out: Mention[] = [];
  let done = 0;
  // Detectors see files in path order, however the walk, git or a worker found them.
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const detector of detectors) {
    const accepted = sorted.filter((f) => detector.accepts(f.path));
    if (accepted.length > 0) out.push(...(await runCached(detector, accepted, ctx, options)));
    options.onDetector?.(detector.name, ++done);
  }
  return out;
}

async function runCached(
  detector: LoadedDetector,
  files: readonly SourceFile[],
  ctx: DetectContext,
  options: DetectOptions,
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
    const threads = threadsFor(detector, files.length, options.threads);
    mentions = threads > 1 ? await detector.parallel!.detect(files, recording, threads, options.rules) : await detector.detect(files, recording);
  } catch (error) {
    skipped.push({ file: files.length === 1 ? files[0]!.path : ".", reason: `${detector.name} detector failed: ${oneLine(error)}` });
    mentions = [];
  }
  for (const s of skipped) ctx.skip(s.file, s.reason);
  if (key) await options.cache!.write(key, { mentions, skipped });
  return mentions;
}

function threadsFor(detector: LoadedDetector, count: number, wanted: number | "auto"): number {
  if (!detector.parallel?.isAvailable() || count < 2) return 1;
  // Measured on a 2-vCPU machine: two threads ran the TypeScript pass no faster (each slowed ~1.7×
  // beside the other) and cost 80 MB more, so `auto` spreads work only where there are 4+ cores.
  if (wanted === "auto") {
    const cores = availableParallelism();
    return cores >= 4 && count >= detector.parallel.minFiles ? Math.min(cores, 4) : 1;
  }
  return Math.max(1, Math.min(wanted, count));
}

function oneLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split("\n")[0]!.slice(0, 200);
}
