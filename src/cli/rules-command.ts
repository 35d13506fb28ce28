import { resolve } from "node:path";
import { loadRules } from "../rules/load.js";
import { checkRulesDir, describeModel } from "../rules/show.js";
import { EXIT } from "./errors.js";

/** `modelrisk rules check [dir]`: every problem on its own line, exit 2 when there is one. */
export async function runRulesCheck(dir?: string): Promise<number> {
  const target = dir ?? new URL("../../rules/", import.meta.url).pathname;
  const errors = await checkRulesDir(resolve(target));
  for (const error of errors) process.stderr.write(`${error}\n`);
  if (errors.length === 0) process.stdout.write(`${dir ?? "built-in rules"}: ok\n`);
  return errors.length > 0 ? EXIT.usage : EXIT.ok;
}

/** `modelrisk rules show <id>`: what the database knows, with its sources. */
export async function runRulesShow(id: string, extraDirs: readonly string[]): Promise<number> {
  const db = await loadRules({ extraDirs: [...extraDirs] });
  process.stdout.write(describeModel(db, id));
  return EXIT.ok;
}
