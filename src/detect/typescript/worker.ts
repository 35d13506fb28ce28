/**
 * A worker thread of the TypeScript pass: it loads the compiler and its own copy of the rules
 * database at once, then takes one job (every candidate file, since imports may lead anywhere, and
 * the ones it owns) and answers with its part.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadRules, type LoadOptions } from "../../rules/load.js";
import type { Skipped, SourceFile } from "../../types.js";
import { detectContext } from "../context.js";
import { collectTypescript } from "./index.js";

export interface WorkerInput {
  rules: LoadOptions;
}

export interface WorkerJob {
  files: SourceFile[];
  owned: string[];
}

const input = workerData as WorkerInput;
const db = await loadRules(input.rules);
parentPort!.once("message", (job: WorkerJob) => {
  const skipped: Skipped[] = [];
  const owned = new Set(job.owned);
  const part = collectTypescript(job.files, detectContext(db, skipped), (path) => owned.has(path));
  parentPort!.postMessage({ part, skipped });
});
