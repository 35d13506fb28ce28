import { Box } from "ink";
import type { Factor, Finding, ReportModel } from "../../types.js";
import { formatLocation } from "./view-data.js";
import { Styled } from "./Styled.js";

interface DetailPaneProps {
  readonly model: ReportModel;
  /** Findings about this model, most severe first. */
  readonly findings: readonly Finding[];
  readonly width: number;
}

const MAX_REFERENCES = 12;

/** Why a model scores what it does: the factors with their sources, where it is used, how to fix it. */
export function DetailPane({ model, findings, width }: DetailPaneProps) {
  const facts = [model.provider ?? "provider unknown", model.kind ?? "kind unknown", describeLicense(model)];
  const lifecycle = model.lifecycle;
  return (
    <Box flexDirection="column" width={width}>
      <Box justifyContent="space-between" width={width}>
        <Styled bold wrap="truncate-end">{model.id}</Styled>
        <Box flexShrink={0}>
          <Styled level={model.level}>
          {model.level !== undefined && model.score !== undefined ? ` ${model.level} ${Math.round(model.score)}` : " not scored"}
          </Styled>
        </Box>
      </Box>
      <Styled wrap="wrap">{facts.join(" · ")}</Styled>
      {model.hosts.length > 0 ? <Styled dim wrap="wrap">{`hosts: ${model.hosts.join(", ")}`}</Styled> : null}
      {lifecycle && lifecycle.status !== "active" ? (
        <Styled wrap="wrap">{`lifecycle: ${lifecycle.status}${lifecycle.retires ? ` (retires ${lifecycle.retires})` : ""}`}</Styled>
      ) : null}
      {!model.known ? <Styled dim>not in the rules database</Styled> : null}
      <Factors factors={model.factors} width={width} />
      <Styled bold>{`References (${model.references.length})`}</Styled>
      {model.references.slice(0, MAX_REFERENCES).map((ref) => (
        <Styled key={formatLocation(ref)} wrap="truncate-end">
          {`  ${formatLocation(ref)}${ref.via ? `  via ${ref.via}` : ""}${ref.revision ? `  @${ref.revision.slice(0, 12)}` : ""}`}
        </Styled>
      ))}
      {model.references.length > MAX_REFERENCES ? <Styled dim>{`  +${model.references.length - MAX_REFERENCES} more`}</Styled> : null}
      <Fixes findings={findings} replacement={lifecycle?.replacement} />
    </Box>
  );
}

function describeLicense(model: ReportModel): string {
  const cls = model.licenseClass ?? "unknown";
  return model.license ? `license ${model.license} (${cls})` : `license ${cls}`;
}

function Factors({ factors, width }: { readonly factors: readonly Factor[] | undefined; readonly width: number }) {
  if (factors === undefined) return <Styled dim>Factors: not scored</Styled>;
  const sorted = [...factors].sort((a, b) => b.weight * b.score - a.weight * a.score || (a.name < b.name ? -1 : 1));
  return (
    <Box flexDirection="column" width={width}>
      <Styled bold>Factors (weight × score)</Styled>
      {sorted.map((factor) => (
        <Box key={factor.name} flexDirection="column" width={width}>
          {/* Narrow terminals put the reason under the numbers instead of beside them. */}
          <Box width={width} flexDirection={width < 60 ? "column" : "row"}>
            <Box flexShrink={0}>
              <Styled>{`  ${factor.name.padEnd(13)}${factor.weight.toFixed(2)} × ${factor.score.toFixed(2)}  `}</Styled>
            </Box>
            <Box paddingLeft={width < 60 ? 4 : 0}>
              <Styled wrap="wrap">{factor.reason}</Styled>
            </Box>
          </Box>
          {factor.sources.map((source) => (
            <Styled key={source} dim wrap="truncate-end">{`    source ${source}`}</Styled>
          ))}
        </Box>
      ))}
    </Box>
  );
}

function Fixes({ findings, replacement }: { readonly findings: readonly Finding[]; readonly replacement: string | undefined }) {
  if (findings.length === 0 && replacement === undefined) return null;
  return (
    <Box flexDirection="column">
      <Styled bold>Findings and fixes</Styled>
      {findings.map((f) => (
        <Box key={`${f.rule}:${formatLocation(f)}`} flexDirection="column">
          <Box>
            <Box flexShrink={0}>
              <Styled level={f.level}>{`  ${f.level} `}</Styled>
            </Box>
            <Styled wrap="wrap">{`${f.rule}  ${f.message}${f.suppressed ? ` [suppressed: ${f.suppressed.kind}]` : ""}`}</Styled>
          </Box>
          {f.fix ? (
            <Box paddingLeft={4}>
              <Styled wrap="wrap">{`fix: ${f.fix}`}</Styled>
            </Box>
          ) : null}
        </Box>
      ))}
      {replacement !== undefined ? <Styled>{`  replacement: ${replacement}`}</Styled> : null}
    </Box>
  );
}
