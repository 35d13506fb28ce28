import { availableParallelism } from "node:os";
import type { LoadOptions } from "../rules/load.js";
import type { Detector, DetectContext, Mention, Skipped, SourceFile } from "../types.js";
import type { DetectionCache } from "./cache.js";
import { isDockerfile, isNotebook, isNpmFile, isPythonDependencyFile, isPythonSource, isShellScript, isTypescriptSource } from "./paths.js";

/** A detector that can also split a large batch over worker threads. */
export interface LoadedDetector extends Detector {
  parallel?: {
    minFiles: number;
    isAvailable(): boolean;
    detect(files: readonly SourceFile[], ctx: DetectContext, threads: number, rules: LoadOptions): Promise<Mention[]>;
    /** The whole batch in one worker thread, so the main thread is free for the other detectors. */
    offload(files: readonly SourceFile[], ctx: DetectContext, rules: LoadOptions): Promise<Mention[]>;
  };
  /**
   * Its answer for a batch is its answers for each file, in file order: it can take the files in
   * chunks as they are read, and their text need not stay in memory for the rest of the scan.
   */
  perFile?: boolean;
}

interface Entry {
  load: () => Promise<LoadedDetector>;
  /** The detector's own path test, from a module that loads no parser (see `paths.ts`). */
  mayAccept?: (path: string) => boolean;
  perFile?: boolean;
}

/** Every detector, in the order their mentions win when two see the same place. */
const REGISTRY: readonly Entry[] = [
  {
    // The compiler loads only where the pass runs: in a worker, the main thread never loads it.
    load: async () => {
      const parallel = await import("./typescript/parallel.js");
      return {
        name: "typescript",
        accepts: isTypescriptSource,
        detect: async (files, ctx) => (await import("./typescript/index.js")).detectTypescript(files, ctx),
        parallel: {
          minFiles: parallel.PARALLEL_MIN_FILES,
          isAvailable: parallel.canUseWorkers,
          detect: parallel.detectTypescriptParallel,
          offload: parallel.detectTypescriptInWorker,
        },
      };
    },
    mayAccept: isTypescriptSource,
  },
  { load: async () => (await import("./python/index.js")).pythonDetector, mayAccept: isPythonSource },
  { load: async () => (await import("./notebook.js")).notebookDetector, perFile: true, mayAccept: isNotebook },
  { load: async () => (await import("./config/index.js")).configDetector, perFile: true },
  { load: async () => (await import("./dockerfile.js")).dockerfileDetector, perFile: true, mayAccept: isDockerfile },
  { load: async () => (await import("./shell.js")).shellDetector, perFile: true, mayAccept: isShellScript },
  { load: async () => (await import("./npm.js")).npmDetector, mayAccept: isNpmFile },
  { load: async () => (await import("./python-deps.js")).pythonDepsDetector, mayAccept: isPythonDependencyFile },
  { load: async () => (await import("./endpoint.js")).endpointDetector, perFile: true },
];

/**
 * The detectors a scan needs. Given the candidate paths, a detector whose module is costly to load
 * is left out when no path could be for it, so a pre-commit run on two YAML files never loads TypeScript.
 */
export async function loadDetectors(paths?: readonly string[]): Promise<LoadedDetector[]> {
  const wanted = REGISTRY.filter((e) => !paths || !e.mayAccept || paths.some(e.mayAccept));
  return Promise.all(wanted.map(async (e) => ({ ...(await e.load()), ...(e.perFile ? { perFile: true } : {}) })));
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
  const run = new DetectionRun(detectors, ctx, options);
  return run.finish(await run.add(files));
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * Detection over files that arrive in chunks as they are read. Per-file detectors answer each chunk
 * at once, so the text of a file only they want can be dropped; the others (which follow imports
 * and constants across files) get every file they accept at the end. The answer is the same however
 * the files are chunked: each detector's mentions come out in path order, detectors in registry order.
 */
export class DetectionRun {
  private readonly results: Mention[][];
  private readonly mentioned = new Set<string>();
  /** Whole-batch detectors already running in a worker (`startEarly`). */
  private readonly started = new Map<number, Promise<void>>();
  private done = 0;

  constructor(
    private readonly detectors: readonly LoadedDetector[],
    private readonly ctx: DetectContext,
    private readonly options: DetectOptions,
  ) {
    this.results = detectors.map(() => []);
  }

  /** Runs the per-file detectors on `files`; returns the ones a whole-batch detector still needs. */
  async add(files: readonly SourceFile[]): Promise<SourceFile[]> {
    const sorted = [...files].sort(byPath);
    for (const [i, detector] of this.detectors.entries()) {
      if (!detector.perFile) continue;
      const accepted = sorted.filter((f) => detector.accepts(f.path));
      if (accepted.length === 0) continue;
      const mentions = await runCached(detector, accepted, this.ctx, this.options, "main");
      for (const m of mentions) this.mentioned.add(m.file);
      this.results[i]!.push(...mentions);
    }
    return sorted.filter((f) => this.detectors.some((d) => !d.perFile && d.accepts(f.path)));
  }

  /** Whether a per-file detector found something in this file (its text is then worth keeping). */
  hasMentions(path: string): boolean {
    return this.mentioned.has(path);
  }

  /**
   * Starts now, in a worker, each whole-batch detector that would run in one anyway and whose files
   * are all in `files` (`complete` says no file for it is still to come). The scan reads TypeScript
   * files first, so their pass runs beside the reading and the per-file detectors of the rest.
   */
  startEarly(files: readonly SourceFile[], complete: (detector: LoadedDetector) => boolean): void {
    const sorted = [...files].sort(byPath);
    for (const [i, detector] of this.detectors.entries()) {
      if (detector.perFile || this.started.has(i)) continue;
      const batch = sorted.filter((f) => detector.accepts(f.path));
      if (batch.length === 0 || modeFor(detector, batch.length, this.options.threads) !== "offload" || !complete(detector)) continue;
      this.started.set(i, this.inBackground(i, batch));
    }
  }

  private inBackground(i: number, batch: readonly SourceFile[]): Promise<void> {
    const detector = this.detectors[i]!;
    return runCached(detector, batch, this.ctx, this.options, "offload").then((mentions) => {
      this.results[i] = mentions;
      this.options.onDetector?.(detector.name, ++this.done);
    });
  }

  /** Runs the whole-batch detectors on every file `add` returned, and gives all mentions. */
  async finish(files: readonly SourceFile[]): Promise<Mention[]> {
    const { detectors, ctx, options, results } = this;
    // Detectors see files in path order, however the walk, git or a worker found them.
    const sorted = [...files].sort(byPath);
    const batches = detectors.map((d, i) => (d.perFile || this.started.has(i) ? [] : sorted.filter((f) => d.accepts(f.path))));
    // A large batch of a detector that can move to a worker thread starts first and runs beside the
    // others, which take the main thread meanwhile; results are put back in registry order.
    for (const [i, d] of detectors.entries()) {
      if (batches[i]!.length > 0 && modeFor(d, batches[i]!.length, options.threads) === "offload") this.started.set(i, this.inBackground(i, batches[i]!));
    }
    for (const [i, detector] of detectors.entries()) {
      if (this.started.has(i)) continue;
      if (batches[i]!.length > 0) results[i] = await runCached(detector, batches[i]!, ctx, options, modeFor(detector, batches[i]!.length, options.threads));
      // Chunks came in walk order; a per-file detector's mentions of one file stay together and in order.
      if (detector.perFile) results[i]!.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      options.onDetector?.(detector.name, ++this.done);
    }
    await Promise.all(this.started.values());
    return results.flat();
  }
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
