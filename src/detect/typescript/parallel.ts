import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { LoadOptions } from "../../rules/load.js";
import type { DetectContext, Mention, Skipped, SourceFile } from "../../types.js";
import { collectTypescript } from "./index.js";
import { MentionCollector, type TypescriptPart } from "./mentions.js";
import type { WorkerInput } from "./worker.js";

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
  const workers = shares.slice(1).map((owned) => runWorker({ files: [...files], owned, rules }));
  const mine = new Set(shares[0]);
  const parts: TypescriptPart[] = [collectTypescript(files, ctx, (p) => mine.has(p))];
  for (const result of await Promise.all(workers)) {
    parts.push(result.part);
    for (const s of result.skipped) ctx.skip(s.file, s.reason);
  }
  return MentionCollector.merge(parts);
}

/** The whole pass in one worker thread, leaving this thread to other work meanwhile. */
export async function detectTypescriptInWorker(files: readonly SourceFile[], ctx: DetectContext, rules: LoadOptions): Promise<Mention[]> {
  const result = await runWorker({ files: [...files], owned: files.map((f) => f.path), rules });
  for (const s of result.skipped) ctx.skip(s.file, s.reason);
  return MentionCollector.merge([result.part]);
}

/**
 * A young generation larger than V8's default (16 MB semi-spaces on 64-bit): parsing allocates
 * fast and short-lived, and fewer scavenges made a monorepo's parse ~20% faster.
 */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 96 };

function runWorker(input: WorkerInput): Promise<{ part: TypescriptPart; skipped: Skipped[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: input, resourceLimits: RESOURCE_LIMITS });
    worker.once("message", (message: { part: TypescriptPart; skipped: Skipped[] }) => resolve(message));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`typescript worker exited with code ${code}`));
    });
  });
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
