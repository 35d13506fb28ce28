/**
 * A worker thread's share of the TypeScript pass: it gets every candidate file (imports may lead
 * anywhere) but visits only the ones it owns, with its own copy of the rules database.
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadRules, type LoadOptions } from "../../rules/load.js";
import type { Skipped, SourceFile } from "../../types.js";
import { detectContext } from "../context.js";
import { collectTypescript } from "./index.js";

export interface WorkerInput {
  files: SourceFile[];
  owned: string[];
  rules: LoadOptions;
}

const input = workerData as WorkerInput;
const db = await loadRules(input.rules);
const skipped: Skipped[] = [];
const owned = new Set(input.owned);
const part = collectTypescript(input.files, detectContext(db, skipped), (path) => owned.has(path));
parentPort!.postMessage({ part, skipped });
