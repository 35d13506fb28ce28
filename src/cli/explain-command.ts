import { resolve } from "node:path";
import { explain, findTargets } from "../assess/explain.js";
import { scanDetailed } from "../scan.js";
import { EXIT } from "./errors.js";

export interface ExplainFlags {
  root?: string;
  asOf?: string;
  rules?: string[];
  /** Policy file; default `.modelrisk.yaml` at the root. */
  config?: string;
}

/** `modelrisk explain <model-id | file:line>`: scan, then print the trace behind the target's score. */
export async function runExplain(target: string, flags: ExplainFlags): Promise<number> {
  const root = resolve(flags.root ?? ".");
  const { report } = await scanDetailed({ root, asOf: flags.asOf, rules: flags.rules, config: flags.config });
  const found = findTargets(report, target);
  if (found.models.length === 0 && found.dynamic.length === 0 && found.findings.length === 0) {
    process.stderr.write(`modelrisk: '${target}' is neither a model found in ${root} nor a file:line with a reference\n`);
    return EXIT.usage;
  }
  process.stdout.write(explain(report, target));
  return EXIT.ok;
}
