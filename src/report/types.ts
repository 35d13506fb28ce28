import type { Report } from "../types.js";
import type { FindingRule } from "../rules/types.js";

export const FORMATS = ["text", "json", "sarif", "markdown", "cyclonedx", "tui", "compact"] as const;
export type Format = (typeof FORMATS)[number];

/** What a reporter may know besides the report itself; all of it plain data. */
export interface ReportContext {
  /** The full finding-rule catalogue, sorted by id (SARIF lists every rule every run). */
  findingRules: FindingRule[];
  /** The scan root relative to the git top level, POSIX, '' when they are the same or there is no git. */
  rootPrefix: string;
  /** Content of a scanned file by its report path, for fingerprints; undefined when not available. */
  readSource(file: string): string | undefined;
  /** Colour allowed (TTY and no NO_COLOR / --no-color). */
  color: boolean;
  /** Terminal width in columns, when known. */
  width?: number;
  /** Code-scanning category (`--category`); SARIF writes `automationDetails.id` only when set. */
  category?: string;
}

/** A reporter is a pure function of the report: it returns text and never writes. */
export type Reporter = (report: Report, ctx: ReportContext) => string;
