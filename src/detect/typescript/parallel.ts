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
 * The TypeScript pass over `threads` threads: files are dealt round-robin by path, the main thread
 * takes the first share, and the parts merge exactly as one thread's would, so the answer does not
 * depend on the number of threads.
 */
export async function detectTypescriptParallel(
  files: readonly SourceFile[],
  ctx: DetectContext,
  threads: number,
  rules: LoadOptions,
): Promise<Mention[]> {
  const paths = files.map((f) => f.path).sort();
  const shares: string[][] = Array.from({ length: threads }, () => []);
  paths.forEach((p, i) => shares[i % threads]!.push(p));
  const workers = shares.slice(1).map((owned) => runWorker({ files: [...files], owned, rules }));
  const mine = new Set(shares[0]);
  const parts: TypescriptPart[] = [collectTypescript(files, ctx, (p) => mine.has(p))];
  for (const result of await Promise.all(workers)) {
    parts.push(result.part);
    for (const s of result.skipped) ctx.skip(s.file, s.reason);
  }
  return MentionCollector.merge(parts);
}

function runWorker(input: WorkerInput): Promise<{ part: TypescriptPart; skipped: Skipped[] }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: input });
    worker.once("message", (message: { part: TypescriptPart; skipped: Skipped[] }) => resolve(message));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`typescript worker exited with code ${code}`));
    });
  });
}
