import { useEffect, useMemo, useReducer, useState } from "react";
import { Box, useApp, useInput, useStdin, useStdout, type Key } from "ink";
import { LEVELS, type Report } from "../../types.js";
import { ConcentrationChart, chartHeight } from "./ConcentrationChart.js";
import { DetailPane } from "./DetailPane.js";
import { Footer } from "./Footer.js";
import { Header } from "./Header.js";
import { ModelTable } from "./ModelTable.js";
import { ColorContext } from "./Styled.js";
import { filterModels, sortModels } from "./view-data.js";
import { INITIAL_STATE, reduceKey, splitKeys } from "./view-state.js";

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
  const [state, dispatch] = useReducer(reduceKey, INITIAL_STATE);
  const { isDetailOpen, isFiltering, query, minLevel } = state;

  const sorted = useMemo(() => sortModels(report.models), [report]);
  const visible = useMemo(() => filterModels(sorted, query, minLevel), [sorted, query, minLevel]);
  const selected = Math.min(state.selected, Math.max(0, visible.length - 1));
  const current = visible[selected];

  useInput(
    (input: string, key: Key) => {
      for (const press of splitKeys(input, key)) dispatch({ ...press, models: sorted });
    },
    { isActive: isRawModeSupported },
  );
  useEffect(() => {
    if (state.isQuitting) exit();
  }, [state.isQuitting, exit]);

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
              <ModelTable models={visible} selected={selected} width={width} maxRows={maxRows} />
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
