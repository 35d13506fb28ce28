/** Small text helpers for SARIF strings: GitHub truncates or rejects over-long texts. */

/** Cut `text` to at most `max` UTF-16 code units, ending with an ellipsis when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** SARIF messages are sentences (SARIF2001): trimmed, ending with a period. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  if (trimmed === "") return "";
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** `retired-model` → `RetiredModel` (SARIF2012 recommends PascalCase rule names). */
export function toPascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== "")
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The finding's own words without what a reporter shows separately: the assess stage writes
 * messages for the terminal (`<model> (model score N, level): what. Fix: advice`), while SARIF
 * and Markdown put the model, score and fix in their own places.
 */
export function describeFinding(finding: { message: string; model?: string; fix?: string }, fix: string | undefined): string {
  let what = finding.message.trim();
  if (finding.model !== undefined) {
    what = what.replace(new RegExp(`^${escapeRegExp(finding.model)} \\(model score [^)]*\\):\\s*`), "");
  }
  if (fix !== undefined && fix.trim() !== "") {
    what = what.replace(new RegExp(`[.;]?\\s*Fix:\\s*${escapeRegExp(fix.trim())}\\s*\\.?$`), "");
  }
  return what;
}
