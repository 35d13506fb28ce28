/**
 * Inline suppressions written next to the code they excuse:
 *   `// modelrisk-ignore retired-model -- migrating in Q3` on the line, or
 *   `# modelrisk-ignore-next-line unpinned-revision,single-host -- vendored copy` on the line before.
 * Recognised after `//`, `#`, `/*` and `<!--`, so it works in code, YAML, TOML, shell and Markdown.
 */
import { RULE_IDS, type Finding, type RuleId } from "../types.js";

export interface InlineDirective {
  /** The 1-based line the directive applies to. */
  line: number;
  rules: RuleId[];
  reason?: string;
}

const DIRECTIVE = /(?:\/\/|#|\/\*|<!--)\s*modelrisk-ignore(-next-line)?\s+([a-z-]+(?:\s*,\s*[a-z-]+)*)(?:\s+--\s*(.*?))?\s*(?:\*\/|-->)?\s*$/;
const KNOWN = new Set<string>(RULE_IDS);

/** Directives of one file; unknown rule names are left out rather than suppressing everything. */
export function parseDirectives(text: string): InlineDirective[] {
  const out: InlineDirective[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((content, index) => {
    if (!content.includes("modelrisk-ignore")) return;
    const match = DIRECTIVE.exec(content);
    if (!match) return;
    const rules = match[2]!.split(",").map((r) => r.trim()).filter((r): r is RuleId => KNOWN.has(r));
    if (rules.length === 0) return;
    const directive: InlineDirective = { line: index + 1 + (match[1] ? 1 : 0), rules };
    const reason = match[3]?.trim();
    if (reason) directive.reason = reason;
    out.push(directive);
  });
  return out;
}

/** Marks findings an inline directive covers; file texts come from `sourceOf` (undefined: not read). */
export function applyInlineSuppressions(findings: readonly Finding[], sourceOf: (file: string) => string | undefined): Finding[] {
  const cache = new Map<string, InlineDirective[]>();
  const directivesOf = (file: string): InlineDirective[] => {
    let list = cache.get(file);
    if (!list) {
      const text = sourceOf(file);
      list = text === undefined ? [] : parseDirectives(text);
      cache.set(file, list);
    }
    return list;
  };
  return findings.map((finding) => {
    if (finding.suppressed || !finding.file) return finding;
    const hit = directivesOf(finding.file).find((d) => d.line === finding.line && d.rules.includes(finding.rule));
    if (!hit) return finding;
    const suppressed: NonNullable<Finding["suppressed"]> = { kind: "inline" };
    if (hit.reason) suppressed.reason = hit.reason;
    return { ...finding, suppressed };
  });
}
