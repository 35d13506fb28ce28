/**
 * Pure view helpers shared by the Ink UI and the plain text reporter. No React or Ink here, so the
 * text reporter can use them without paying for the UI.
 */
import { LEVELS, type Level, type LicenseClass, type Location, type ReportModel } from "../../types.js";
import { sanitizeTerminal } from "../sanitize.js";

export function levelRank(level: Level | undefined): number {
  return level === undefined ? -1 : LEVELS.indexOf(level);
}

/** Highest score first; unscored models after every scored one; ties by id so output is stable. */
export function compareModels(a: ReportModel, b: ReportModel): number {
  const byScore = (b.score ?? -1) - (a.score ?? -1);
  if (byScore !== 0) return byScore;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortModels(models: readonly ReportModel[]): ReportModel[] {
  return [...models].sort(compareModels);
}

/**
 * Models at or above `minLevel` whose text matches `query` (case-insensitive, on id, provider,
 * kind, license and level). At the minimum level "none" unscored models stay visible.
 */
export function filterModels(models: readonly ReportModel[], query: string, minLevel: Level): ReportModel[] {
  const needle = query.trim().toLowerCase();
  const floor = levelRank(minLevel);
  return models.filter((m) => {
    if (floor > 0 && levelRank(m.level) < floor) return false;
    if (needle === "") return true;
    const haystack = [m.id, m.canonical, m.provider, m.kind, m.license, m.licenseClass, m.level, m.family];
    return haystack.some((field) => field !== undefined && field.toLowerCase().includes(needle));
  });
}

/** The next minimum level for the `f` key: none → low → medium → high → critical → none. */
export function nextLevel(level: Level): Level {
  return LEVELS[(LEVELS.indexOf(level) + 1) % LEVELS.length] ?? "none";
}

export function formatLocation(loc: Pick<Location, "file" | "line" | "column">): string {
  return `${sanitizeTerminal(loc.file)}:${loc.line}:${loc.column}`;
}

/** A bar of `width` cells, `share` in [0,1] of them full; clamped so bad data cannot overflow. */
export function formatBar(share: number, width: number): string {
  const safe = Number.isFinite(share) ? Math.min(1, Math.max(0, share)) : 0;
  const full = Math.round(safe * width);
  return "█".repeat(full) + "░".repeat(Math.max(0, width - full));
}

export function formatPercent(share: number): string {
  return `${Math.round((Number.isFinite(share) ? share : 0) * 100)}%`;
}

/** Cut to `width` terminal cells with an ellipsis; ids are mostly ASCII, so cells ≈ code points. */
export function truncate(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return chars.slice(0, Math.max(0, width)).join("");
  return `${chars.slice(0, width - 1).join("")}…`;
}

const SHORT_CLASS: Record<LicenseClass, string> = {
  permissive: "permissive",
  copyleft: "copyleft",
  "restricted-commercial": "restricted",
  "non-commercial": "non-comm.",
  "proprietary-terms": "proprietary",
  unknown: "unknown",
};

/** License class in at most 11 cells, for table columns. */
export function shortLicenseClass(cls: LicenseClass | undefined): string {
  return cls === undefined ? "—" : SHORT_CLASS[cls];
}

/** Shares sorted largest first, ties by name, as `[name, share]` with names sanitized. */
export function sortShares(shares: Record<string, number> | undefined): [string, number][] {
  return Object.entries(shares ?? {})
    .map(([name, share]): [string, number] => [sanitizeTerminal(name), share])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
