import { LEVELS, type Level, type Report } from "../types.js";
import { EXIT } from "./errors.js";

/** 1 when any counted (unsuppressed) finding is at or above `failOn`; the output format never matters. */
export function exitCodeFor(report: Report, failOn: Level | undefined): number {
  if (failOn === undefined) return EXIT.ok;
  const threshold = LEVELS.indexOf(failOn);
  const hit = report.findings.some((f) => !f.suppressed && LEVELS.indexOf(f.level) >= threshold && f.level !== "none");
  return hit ? EXIT.findings : EXIT.ok;
}
