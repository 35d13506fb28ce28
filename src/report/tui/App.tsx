import { useEffect, useMemo, useState } from "react";
import { Box, useApp, useInput, useStdin, useStdout, type Key } from "ink";
import { LEVELS, type Level, type Report } from "../../types.js";
import { sanitizeTerminal } from "../sanitize.js";
import { ConcentrationChart, chartHeight } from "./ConcentrationChart.js";
import { DetailPane } from "./DetailPane.js";
import { Footer } from "./Footer.js";
import { Header } from "./Header.js";
import { ModelTable } from "./ModelTable.js";
import { ColorContext } from "./Styled.js";
import { filterModels, nextLevel, sortModels } from "./view-data.js";

export interface AppProps {
  /** Already sanitized (runTui does it once), so components print its strings as they are. */
  readonly report: Report;
  readonly color: boolean;
  /** Fixed size, for tests and callers that know better than the stream; else the terminal's. */
  readonly width?: number;
  readonly height?: number;
}

/** The whole interactive report: state and keys here, drawing in the small components. */
export function App({ report, color, width: fixedWidth, height: fixedHeight }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const [width, height] = useTerminalSize(fixedWidth, fixedHeight);
  const [selected, setSelected] = useState(0);
  const [isDetailOpen, setDetailOpen] = useState(false);
  const [isFiltering, setFiltering] = useState(false);
  const [query, setQuery] = useState("");
  const [minLevel, setMinLevel] = useState<Level>("none");

  const sorted = useMemo(() => sortModels(report.models), [report]);
  const visible = useMemo(() => filterModels(sorted, query, minLevel), [sorted, query, minLevel]);
  const current = visible[Math.min(selected, visible.length - 1)];

  useInput(
    (input: string, key: Key) => {
      if (isFiltering) {
        if (key.return || key.escape) setFiltering(false);
        if (key.escape) setQuery("");
        else if (key.backspace || key.delete) setQuery((q) => q.slice(0, -1));
        else if (!key.return && !key.ctrl && !key.meta) setQuery((q) => q + sanitizeTerminal(input));
        setSelected(0);
      } else if (input === "q" || (key.escape && !isDetailOpen)) {
        exit();
      } else if (key.escape) {
        setDetailOpen(false);
      } else if (key.upArrow || input === "k") {
        setSelected((i) => Math.max(0, Math.min(i, visible.length - 1) - 1));
      } else if (key.downArrow || input === "j") {
        setSelected((i) => Math.max(0, Math.min(visible.length - 1, i + 1)));
      } else if (key.return && current !== undefined) {
        setDetailOpen((open) => !open);
      } else if (input === "/") {
        setFiltering(true);
        setDetailOpen(false);
      } else if (input === "f") {
        setMinLevel(nextLevel);
        setSelected(0);
      }
    },
    { isActive: isRawModeSupported },
  );

  const findings = useMemo(
    () =>
      current === undefined
        ? []
        : report.findings
            .filter((f) => f.model === current.id)
            .sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level)),
    [report, current],
  );
  // Header 3, table header and pager 2, footer 1, three blank separators.
  const maxRows = Math.max(3, height - 9 - chartHeight(report.concentration, width));

  return (
    <ColorContext.Provider value={color}>
      <Box flexDirection="column" width={width}>
        <Header report={report} width={width} />
        <Box marginTop={1} flexDirection="column">
          {isDetailOpen && current !== undefined ? (
            <DetailPane model={current} findings={findings} width={width} />
          ) : (
            <>
              <ModelTable models={visible} selected={Math.min(selected, visible.length - 1)} width={width} maxRows={maxRows} />
              <Box marginTop={1}>
                <ConcentrationChart concentration={report.concentration} width={width} />
              </Box>
            </>
          )}
        </Box>
        <Box marginTop={1}>
          <Footer width={width} minLevel={minLevel} query={query} isFiltering={isFiltering} isDetailOpen={isDetailOpen} />
        </Box>
      </Box>
    </ColorContext.Provider>
  );
}

/** The terminal's size, following resizes, unless the caller fixed it. */
function useTerminalSize(fixedWidth: number | undefined, fixedHeight: number | undefined): [number, number] {
  const { stdout } = useStdout();
  const measure = (): [number, number] => [stdout.columns || 80, stdout.rows || 24];
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => setSize(measure());
    stdout.on("resize", onResize);
    return () => void stdout.off("resize", onResize);
  }, [stdout]);
  return [fixedWidth ?? size[0], fixedHeight ?? size[1]];
}
