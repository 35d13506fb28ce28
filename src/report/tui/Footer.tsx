import { Box } from "ink";
import type { Level } from "../../types.js";
import { Styled } from "./Styled.js";

interface FooterProps {
  readonly width: number;
  readonly minLevel: Level;
  readonly query: string;
  readonly isFiltering: boolean;
  readonly isDetailOpen: boolean;
}

/** The keys, and the filter being typed; short forms on narrow terminals. */
export function Footer({ width, minLevel, query, isFiltering, isDetailOpen }: FooterProps) {
  if (isFiltering) {
    return (
      <Box width={width}>
        <Styled wrap="truncate-end">{`filter: ${query}▏ Enter keep · Esc clear`}</Styled>
      </Box>
    );
  }
  const isNarrow = width < 60;
  const keys = isDetailOpen
    ? isNarrow ? "Enter/Esc back · q quit" : "Enter/Esc close details · ↑↓ j/k next model · q quit"
    : isNarrow ? "↑↓jk ⏎ / f q" : "↑↓ j/k move · Enter details · / filter · f min level · q quit";
  const state = [minLevel !== "none" ? `≥ ${minLevel}` : "", query !== "" ? `“${query}”` : ""].filter(Boolean).join(" ");
  return (
    <Box width={width} justifyContent="space-between">
      <Styled dim wrap="truncate-end">{keys}</Styled>
      {state !== "" ? <Styled color="magenta">{state}</Styled> : null}
    </Box>
  );
}
