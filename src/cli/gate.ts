import { LEVELS, type Level, type Report } from "../types.js";
import { EXIT } from "./errors.js";

/**
 * 1 when any counted (unsuppressed) finding is at or above `failOn`; `none` (or no threshold) never
 * fails. The output format never matters.
 */
export function exitCodeFor(report: Report, failOn: Level | undefined): number {
  if (failOn === undefined || failOn === "none") return EXIT.ok;
  const threshold = LEVELS.indexOf(failOn);
  const hit = report.findings.some((f) => !f.suppressed && LEVELS.indexOf(f.level) >= threshold);
  return hit ? EXIT.findings : EXIT.ok;
}
