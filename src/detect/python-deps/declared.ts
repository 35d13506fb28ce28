/** A Python dependency as a manifest or lockfile writes it, located at its name. */
export interface PyDep {
  /** PEP 503 normalised name (`sentence-transformers`). */
  name: string;
  /** The name as written at the location. */
  written: string;
  /** Pinned version (`==1.2.3`, lockfile version) or the declared specifier. */
  version?: string;
  offset: number;
  /** Set when the file itself says so (pip-compile's `# via` comments); otherwise the file kind decides. */
  direct?: boolean;
}

/** PEP 503: lower case, runs of `-`, `_`, `.` become one `-`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

const NAME_CHAR = /[A-Za-z0-9._-]/;

/**
 * Finds `written` as a whole name in `text` from `from`, standing either at the start of a quoted string
 * (`"anthropic>=0.40"`) or as a key at the start of a line (`anthropic = "^0.40"`). Offsets in `used`
 * are passed over so the same name in two sections lands on two places.
 */
export function locateName(text: string, written: string, from: number, used: Set<number>): number | undefined {
  const lower = text.toLowerCase();
  const needle = written.toLowerCase();
  for (let i = lower.indexOf(needle, from); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const before = text[i - 1];
    const after = text[i + needle.length];
    if (after !== undefined && NAME_CHAR.test(after)) continue;
    const inString = before === '"' || before === "'";
    const atLineStart = before === undefined || /^[ \t]*$/.test(text.slice(text.lastIndexOf("\n", i - 1) + 1, i));
    if ((inString || atLineStart) && !used.has(i)) {
      used.add(i);
      return i;
    }
  }
  return from > 0 ? locateName(text, written, 0, used) : undefined;
}

/** `name[extra]>=1.0; python_version<"3.12"` → name and version; undefined for URLs and options. */
export function parsePep508(requirement: string): { written: string; version?: string } | undefined {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(requirement);
  if (!match) return undefined;
  const rest = (match[3] ?? "").split(";")[0]!.trim();
  if (rest.startsWith("@")) return { written: match[1]! };
  const pinned = /^===?\s*([^\s,]+)$/.exec(rest);
  return { written: match[1]!, version: pinned ? pinned[1] : rest.replace(/^\(|\)$/g, "") || undefined };
}
