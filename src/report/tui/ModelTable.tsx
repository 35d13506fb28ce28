import { Box } from "ink";
import type { ReportModel } from "../../types.js";
import { formatBar, shortLicenseClass, truncate } from "./view-data.js";
import { Styled } from "./Styled.js";

interface ModelTableProps {
  readonly models: readonly ReportModel[];
  readonly selected: number;
  readonly width: number;
  /** Rows that fit on screen; the table scrolls to keep the selection visible. */
  readonly maxRows: number;
}

type Optional = "kind" | "license" | "provider" | "bar" | "refs";
interface Plan {
  idWidth: number;
  shown: ReadonlySet<Optional>;
}

const WIDTH: Record<Optional, number> = { kind: 8, license: 12, provider: 12, bar: 6, refs: 5 };
/** Columns go first to last as the terminal narrows; id, level and the score number always stay. */
const DROP_ORDER: readonly Optional[] = ["kind", "license", "provider", "bar", "refs"];
const FIXED = 2 + 9 + 3; // selection marker, level, score number
const MIN_ID = 20;

export function planColumns(width: number): Plan {
  const shown = new Set<Optional>(DROP_ORDER);
  const idWidth = () => width - FIXED - [...shown].reduce((n, c) => n + WIDTH[c], 0);
  for (const column of DROP_ORDER) {
    if (idWidth() >= MIN_ID) break;
    shown.delete(column);
  }
  return { idWidth: Math.max(4, idWidth()), shown };
}

/** Visible slice [start, end) that keeps `selected` on screen, scrolling as little as possible. */
export function windowRows(count: number, selected: number, maxRows: number): [number, number] {
  if (count <= maxRows) return [0, count];
  const start = Math.min(Math.max(0, selected - Math.floor(maxRows / 2)), count - maxRows);
  return [start, start + maxRows];
}

/** Models sorted by score: id, provider, kind, license class, level, score bar, references. */
export function ModelTable({ models, selected, width, maxRows }: ModelTableProps) {
  const plan = planColumns(width);
  if (models.length === 0) return <Styled dim>No models match the filter.</Styled>;
  const [start, end] = windowRows(models.length, selected, maxRows);
  return (
    <Box flexDirection="column" width={width}>
      <HeaderRow plan={plan} />
      {models.slice(start, end).map((model, i) => (
        <Row key={model.id} model={model} plan={plan} isSelected={start + i === selected} />
      ))}
      {end - start < models.length ? <Styled dim>{`  ${start + 1}–${end} of ${models.length}`}</Styled> : null}
    </Box>
  );
}

function cells(plan: Plan, values: Record<Optional | "id" | "level" | "score", string>): string {
  const { shown, idWidth } = plan;
  let line = truncate(values.id, idWidth - 1).padEnd(idWidth);
  if (shown.has("provider")) line += truncate(values.provider, WIDTH.provider - 1).padEnd(WIDTH.provider);
  if (shown.has("kind")) line += values.kind.padEnd(WIDTH.kind);
  if (shown.has("license")) line += values.license.padEnd(WIDTH.license);
  return line;
}

function HeaderRow({ plan }: { readonly plan: Plan }) {
  const head = cells(plan, { id: "MODEL", provider: "PROVIDER", kind: "KIND", license: "LICENSE", level: "", score: "", bar: "", refs: "" });
  const score = plan.shown.has("bar") ? "SCORE".padStart(WIDTH.bar + 3) : "SCR";
  return <Styled dim>{`  ${head}${"LEVEL".padEnd(9)}${score}${plan.shown.has("refs") ? "REFS".padStart(WIDTH.refs) : ""}`}</Styled>;
}

function Row({ model, plan, isSelected }: { readonly model: ReportModel; readonly plan: Plan; readonly isSelected: boolean }) {
  const text = cells(plan, {
    id: model.id,
    provider: model.provider ?? "—",
    kind: model.kind ?? "—",
    license: shortLicenseClass(model.licenseClass),
    level: "",
    score: "",
    bar: "",
    refs: "",
  });
  const isScored = model.score !== undefined && model.level !== undefined;
  const level = (isScored ? model.level! : "—").padEnd(9);
  const bar = plan.shown.has("bar") ? (isScored ? formatBar(model.score! / 100, 5) : "     ") + " " : "";
  const score = isScored ? String(Math.round(model.score!)).padStart(3) : "  —";
  const refs = plan.shown.has("refs") ? String(model.references.length).padStart(WIDTH.refs) : "";
  return (
    <Box>
      <Styled bold={isSelected} inverse={isSelected}>{`${isSelected ? "›" : " "} ${text}`}</Styled>
      <Styled level={model.level} inverse={isSelected}>{`${level}${bar}${score}`}</Styled>
      <Styled inverse={isSelected}>{refs}</Styled>
    </Box>
  );
}
