import { Box } from "ink";
import type { Concentration } from "../../types.js";
import { formatBar, formatPercent, sortShares, truncate } from "./view-data.js";
import { Styled } from "./Styled.js";

interface ConcentrationChartProps {
  readonly concentration: Concentration | undefined;
  readonly width: number;
}

const MAX_ROWS = 5;
/** Below this width hosts and vendors stack instead of standing side by side. */
const SIDE_BY_SIDE = 72;

/** Lines the chart takes, so the app can give the rest of the screen to the model table. */
export function chartHeight(concentration: Concentration | undefined, width: number): number {
  if (!concentration) return 1;
  const rows = (shares: Record<string, number>) => 1 + Math.min(MAX_ROWS, Object.keys(shares).length);
  const hosts = rows(concentration.hosts);
  const vendors = rows(concentration.vendors);
  return width >= SIDE_BY_SIDE ? Math.max(hosts, vendors) : hosts + vendors;
}

/** Where the project's models live and who makes them: one bar per host and per vendor. */
export function ConcentrationChart({ concentration, width }: ConcentrationChartProps) {
  if (!concentration) return <Styled dim>Concentration: not assessed</Styled>;
  const isSideBySide = width >= SIDE_BY_SIDE;
  const columnWidth = isSideBySide ? Math.floor((width - 2) / 2) : width;
  const hosts = <Shares title={`Hosts (HHI ${concentration.hhi.hosts.toFixed(2)})`} shares={concentration.hosts} width={columnWidth} />;
  const vendors = <Shares title={`Vendors (HHI ${concentration.hhi.vendors.toFixed(2)})`} shares={concentration.vendors} width={columnWidth} />;
  return (
    <Box flexDirection={isSideBySide ? "row" : "column"} width={width} columnGap={isSideBySide ? 2 : 0}>
      {hosts}
      {vendors}
    </Box>
  );
}

interface SharesProps {
  readonly title: string;
  readonly shares: Record<string, number>;
  readonly width: number;
}

function Shares({ title, shares, width }: SharesProps) {
  const rows = sortShares(shares);
  const shown = rows.length > MAX_ROWS ? rows.slice(0, MAX_ROWS - 1) : rows;
  const labelWidth = Math.min(16, Math.max(4, ...shown.map(([name]) => name.length)), Math.floor(width / 2));
  const barWidth = Math.max(4, width - labelWidth - 6);
  return (
    <Box flexDirection="column" width={width}>
      <Styled bold>{title}</Styled>
      {shown.map(([name, share]) => (
        <Box key={name}>
          <Styled>{`${truncate(name, labelWidth).padEnd(labelWidth)} `}</Styled>
          <Styled color="blue">{formatBar(share, barWidth)}</Styled>
          <Styled>{formatPercent(share).padStart(5)}</Styled>
        </Box>
      ))}
      {shown.length < rows.length ? <Styled dim>{`+${rows.length - shown.length} more`}</Styled> : null}
    </Box>
  );
}
