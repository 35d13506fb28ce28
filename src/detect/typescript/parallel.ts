/**
 * The TypeScript pass in worker threads. This module loads no compiler: the main thread can hand
 * the pass to a worker and merge its answer without paying for TypeScript itself.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { LoadOptions } from "../../rules/load.js";
import type { DetectContext, Mention, Skipped, SourceFile } from "../../types.js";
import { MentionCollector, type TypescriptPart } from "./collector.js";
import type { WorkerInput, WorkerJob } from "./worker.js";

const WORKER = new URL("./worker.js", import.meta.url);

/** Worker threads pay for their own TypeScript and rules load (~0.3 s), so only big batches use them. */
export const PARALLEL_MIN_FILES = 300;

/** True when compiled worker code exists (the built package; tests of the sources run single-threaded). */
export function canUseWorkers(): boolean {
  return existsSync(fileURLToPath(WORKER));
}

/**
 * The TypeScript pass over `threads` threads; the main thread takes the first share, and the parts
 * merge exactly as one thread's would, so the answer does not depend on the number of threads.
 */
export async function detectTypescriptParallel(
  files: readonly SourceFile[],
  ctx: DetectContext,
  threads: number,
  rules: LoadOptions,
): Promise<Mention[]> {
  const shares = partition(files, threads);
  const workers = Promise.all(shares.slice(1).map((owned) => startWorker(rules).run({ files: [...files], owned })));
  // Should this thread's share throw, a worker failing later must not be an unhandled rejection.
  workers.catch(() => undefined);
  const mine = new Set(shares[0]);
  const { collectTypescript } = await import("./index.js");
  const parts: TypescriptPart[] = [collectTypescript(files, ctx, (p) => mine.has(p))];
  for (const result of await workers) {
    parts.push(result.part);
    for (const s of result.skipped) ctx.skip(s.file, s.reason);
  }
  return MentionCollector.merge(parts);
}

/** The whole pass in one worker thread, leaving this thread to other work meanwhile. */
export async function detectTypescriptInWorker(
  files: readonly SourceFile[],
  ctx: DetectContext,
  rules: LoadOptions,
): Promise<Mention[]> {
  const result = await startWorker(rules).run({ files: [...files], owned: files.map((f) => f.path) });
  for (const s of result.skipped) ctx.skip(s.file, s.reason);
  return MentionCollector.merge([result.part]);
}

/**
 * A young generation larger than V8's default (16 MB semi-spaces on 64-bit): parsing allocates
 * fast and short-lived, so a large pass collects garbage less often.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 96 };

/** A worker that loads TypeScript and the rules as soon as it starts, then takes one job. */
export interface TypescriptWorker {
  run(job: WorkerJob): Promise<{ part: TypescriptPart; skipped: Skipped[] }>;
}

/** Starts a worker, which loads while the caller gets its job ready; idle, it does not keep the process alive. */
export function startWorker(rules: LoadOptions): TypescriptWorker {
  const worker = new Worker(WORKER, { workerData: { rules } satisfies WorkerInput, resourceLimits: RESOURCE_LIMITS });
  worker.unref();
  let failure: Error | undefined;
  const failed = new Promise<never>((_, reject) => {
    worker.once("error", (error) => reject((failure = error)));
    worker.once("exit", (code) => {
      if (code !== 0) reject((failure = new Error(`typescript worker exited with code ${code}`)));
    });
  });
  failed.catch(() => undefined);
  return {
    run(job) {
      if (failure) return Promise.reject(failure);
      worker.ref();
      const done = new Promise<{ part: TypescriptPart; skipped: Skipped[] }>((resolve) => worker.once("message", resolve));
      worker.postMessage(job);
      return Promise.race([done, failed]).finally(() => void worker.terminate());
    },
  };
}

/**
 * Contiguous runs of files in path order, of about equal size: a thread parses every file its share
 * imports, and imports mostly point at neighbours in the tree, so runs keep that work in one thread.
 */
function partition(files: readonly SourceFile[], threads: number): string[][] {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const total = sorted.reduce((n, f) => n + f.text.length, 0);
  const shares: string[][] = Array.from({ length: threads }, () => []);
  let seen = 0;
  for (const f of sorted) {
    const share = Math.min(threads - 1, Math.floor((seen * threads) / Math.max(1, total)));
    shares[share]!.push(f.path);
    seen += f.text.length;
  }
  return shares;
}
