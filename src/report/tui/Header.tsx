import { Box } from "ink";
import type { Report } from "../../types.js";
import { formatBar } from "./view-data.js";
import { Styled } from "./Styled.js";
import { count } from "../words.js";

interface HeaderProps {
  readonly report: Report;
  readonly width: number;
}

/** "How bad is it?" at a glance: the project score as a gauge, the counts and the as-of date. */
export function Header({ report, width }: HeaderProps) {
  const { summary: s } = report;
  const isNarrow = width < 60;
  const gaugeWidth = Math.max(8, Math.min(30, width - 30));
  const counts = isNarrow
    ? `${count(s.models, "model")} · ${count(s.references, "ref")} · ${count(s.findings, "finding")}`
    : `${count(s.models, "model")} · ${count(s.references, "reference")} · ${count(s.findings, "finding")} · ${count(s.providers, "provider")} · ${count(s.files, "file")}`;
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between" width={width}>
        <Styled bold>modelrisk {report.tool.version}</Styled>
        <Styled dim>as of {report.asOf}</Styled>
      </Box>
      {s.score !== undefined && s.level !== undefined ? (
        <Box>
          <Styled>{isNarrow ? "Risk " : "Project risk "}</Styled>
          <Styled level={s.level}>{formatBar(s.score / 100, gaugeWidth)}</Styled>
          <Styled level={s.level}>{` ${Math.round(s.score)}/100 ${s.level}`}</Styled>
        </Box>
      ) : (
        <Styled dim>{isNarrow ? "Risk: not scored" : "Project risk: not scored"}</Styled>
      )}
      <Styled wrap="truncate-end">{counts}</Styled>
    </Box>
  );
}
