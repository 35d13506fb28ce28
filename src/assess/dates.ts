/** Calendar arithmetic on the YYYY[-MM[-DD]] dates the rules database uses (UTC, no time of day). */

/** Milliseconds since the epoch of the first day a (possibly partial) date names; undefined when unreadable. */
export function dayOf(date: string): number | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date.trim());
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2] ?? 1) - 1, Number(match[3] ?? 1));
  return Number.isNaN(ms) ? undefined : ms;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number | undefined {
  const a = dayOf(from);
  const b = dayOf(to);
  return a === undefined || b === undefined ? undefined : Math.round((b - a) / 86_400_000);
}
