import { resolve } from "node:path";
import { assess } from "../assess/index.js";
import { explain, findTargets } from "../assess/explain.js";
import { loadPolicy } from "../policy/load.js";
import { loadRules } from "../rules/load.js";
import { scanDetailed } from "../scan.js";
import type { Report } from "../types.js";
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
  const db = await loadRules({ extraDirs: [...(flags.rules ?? [])] });
  const result = await scanDetailed({ root, asOf: flags.asOf, rules: flags.rules, db });
  const report = isAssessed(result.report)
    ? result.report
    : await assessReport(result.report, root, flags.config, result.sourceOf, db);
  const found = findTargets(report, target);
  if (found.models.length === 0 && found.dynamic.length === 0 && found.findings.length === 0) {
    process.stderr.write(`modelrisk: '${target}' is neither a model found in ${root} nor a file:line with a reference\n`);
    return EXIT.usage;
  }
  process.stdout.write(explain(report, target));
  return EXIT.ok;
}

/** True once src/scan.ts runs the assess stage itself. */
function isAssessed(report: Report): boolean {
  return report.summary.score !== undefined || report.models.some((m) => m.factors !== undefined);
}

async function assessReport(
  report: Report,
  root: string,
  config: string | undefined,
  sourceOf: (file: string) => string | undefined,
  db: Awaited<ReturnType<typeof loadRules>>,
): Promise<Report> {
  const policy = await loadPolicy(root, config);
  const assessed = assess(
    { models: report.models, providers: report.providers, dynamic: report.dynamic ?? [] },
    db,
    { asOf: report.asOf, policy, sourceOf },
  );
  return {
    ...report,
    models: assessed.models,
    providers: assessed.providers,
    dynamic: assessed.dynamic,
    findings: assessed.findings,
    concentration: assessed.concentration,
    summary: { ...report.summary, ...assessed.summary, findings: assessed.findings.length },
  };
}
