/** One finding → one SARIF result: message, level, location, fingerprints, suppression. */
import type { Finding, Report } from "../../types.js";
import type { FindingRule } from "../../rules/types.js";
import { computeLineHashes, computeModelriskFingerprint } from "./fingerprint.js";
import { SRCROOT, toAnchorRegion, toRegion, toRepoUri, type SarifRegion } from "./location.js";
import { toSarifLevel, type SarifLevel } from "./rules.js";
import { asSentence, describeFinding, truncateText } from "./text.js";

/** Ids and names from scanned code are quoted in messages; keep them readable. */
const MAX_QUOTED = 200;
const MAX_MESSAGE = 4096;

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: [{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion } }];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: "inSource" | "external"; justification?: string }[];
  properties: Record<string, unknown>;
}

const quote = (value: string): string => `'${truncateText(value.replace(/\s+/g, " "), MAX_QUOTED)}'`;

/** First sentence: the model (or provider, or project) and its score; then what and the fix. */
export function composeMessage(finding: Finding, report: Report, rule: FindingRule | undefined): string {
  const model = finding.model === undefined ? undefined : report.models.find((m) => m.id === finding.model);
  const scored = (score: number | undefined, level: string | undefined): string =>
    score === undefined ? "has no risk score" : `has risk ${score}/100 (${level ?? "unrated"})`;
  let subject: string;
  if (finding.model !== undefined) subject = `Model ${quote(finding.model)} ${scored(model?.score, model?.level)}.`;
  else if (finding.provider !== undefined)
    subject = `Provider ${quote(finding.provider)} in a project that ${scored(report.summary.score, report.summary.level)}.`;
  else subject = `The project ${scored(report.summary.score, report.summary.level)}.`;
  const fix = finding.fix ?? rule?.fix;
  const parts = [subject, asSentence(describeFinding(finding, fix))];
  if (fix !== undefined && fix.trim() !== "") parts.push(`Fix: ${asSentence(fix)}`);
  return truncateText(parts.filter((part) => part !== "").join(" "), MAX_MESSAGE);
}

export interface ResultInput {
  finding: Finding;
  /** The file the result points at: the finding's own, or the project anchor. */
  file: string;
  isAnchored: boolean;
  ruleIndex: number;
  rule: FindingRule | undefined;
}

/** Line hashes per file, computed once per run. */
export class LineHashCache {
  readonly #cache = new Map<string, Map<number, string> | undefined>();
  constructor(private readonly readSource: (file: string) => string | undefined) {}
  source(file: string): string | undefined {
    return this.readSource(file);
  }
  hashFor(file: string, line: number): string | undefined {
    if (!this.#cache.has(file)) {
      const text = this.readSource(file);
      this.#cache.set(file, text === undefined ? undefined : computeLineHashes(text));
    }
    return this.#cache.get(file)?.get(line);
  }
}

export function toSarifResult(input: ResultInput, report: Report, rootPrefix: string, hashes: LineHashCache): SarifResult {
  const { finding, file, isAnchored } = input;
  const uri = toRepoUri(rootPrefix, file);
  const region = isAnchored ? toAnchorRegion(hashes.source(file)) : toRegion(finding);
  const partialFingerprints: Record<string, string> = {
    "modelrisk/v1": computeModelriskFingerprint(finding.rule, finding.model ?? finding.provider ?? "", uri),
  };
  const lineHash = hashes.hashFor(file, region.startLine);
  if (lineHash !== undefined) partialFingerprints.primaryLocationLineHash = lineHash;
  const result: SarifResult = {
    ruleId: finding.rule,
    ruleIndex: input.ruleIndex,
    level: toSarifLevel(finding.level),
    message: { text: composeMessage(finding, report, input.rule) },
    locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: SRCROOT }, region } }],
    partialFingerprints,
    properties: {
      "modelrisk/level": finding.level,
      ...(finding.model !== undefined && { "modelrisk/model": finding.model }),
      ...(finding.provider !== undefined && { "modelrisk/provider": finding.provider }),
      ...(isAnchored && { "modelrisk/projectLevel": true }),
    },
  };
  if (finding.suppressed !== undefined) {
    const reason = finding.suppressed.reason?.trim();
    result.suppressions = [
      {
        kind: finding.suppressed.kind === "inline" ? "inSource" : "external",
        justification: reason !== undefined && reason !== "" ? reason : `Suppressed by ${finding.suppressed.kind}.`,
      },
    ];
  }
  return result;
}
