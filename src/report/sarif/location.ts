/**
 * Where a result points: a repository-relative, percent-encoded URI under `%SRCROOT%` and a
 * 1-based region. Project-level findings have no file of their own, so they are anchored to
 * line 1 of a file GitHub can show (the manifest that declares a provider, else the first
 * model reference), as Scorecard and Trivy do.
 */
import type { Finding, Location, Report } from "../../types.js";

export const SRCROOT = "%SRCROOT%";

/** `ctx.rootPrefix` + report path, each segment percent-encoded (`uri-reference`). */
export function toRepoUri(rootPrefix: string, file: string): string {
  const prefix = rootPrefix.replace(/^\/+|\/+$/g, "");
  const path = prefix === "" ? file : `${prefix}/${file}`;
  return path
    .split("/")
    .filter((segment) => segment !== "" && segment !== ".")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

const compareLocations = (a: Location, b: Location): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;

/** The file a project-level finding is shown on, or undefined when the report names none. */
export function findProjectAnchor(report: Report): string | undefined {
  const manifests = report.providers
    .flatMap((provider) => provider.references)
    .filter((ref) => ref.dependency !== undefined && ref.file !== "")
    .sort(compareLocations);
  if (manifests[0] !== undefined) return manifests[0].file;
  const references = report.models.flatMap((model) => model.references).filter((ref) => ref.file !== "");
  return references.sort(compareLocations)[0]?.file;
}

export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

/** A region SARIF accepts: 1-based, end not before start, end column exclusive. */
export function toRegion(finding: Finding): SarifRegion {
  const startLine = Math.max(1, Math.trunc(finding.line) || 1);
  const startColumn = Math.max(1, Math.trunc(finding.column) || 1);
  const endLine = Math.max(startLine, Math.trunc(finding.endLine) || startLine);
  let endColumn = Math.max(1, Math.trunc(finding.endColumn) || 1);
  if (endLine === startLine && endColumn <= startColumn) endColumn = startColumn + 1;
  return { startLine, startColumn, endLine, endColumn };
}

/** Line 1 of the anchor file, spanning its text when the content is known. */
export function toAnchorRegion(source: string | undefined): SarifRegion {
  const firstLine = source?.split(/\r\n|\r|\n/, 1)[0] ?? "";
  return { startLine: 1, startColumn: 1, endLine: 1, endColumn: Math.max(2, firstLine.length + 1) };
}
