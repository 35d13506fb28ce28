import type { Level, ReportModel } from "../../types.js";
import { sanitizeTerminal } from "../sanitize.js";
import { filterModels, nextLevel } from "./view-data.js";

export interface ViewState {
  /** Index into the filtered list. */
  readonly selected: number;
  readonly isDetailOpen: boolean;
  readonly isFiltering: boolean;
  readonly query: string;
  readonly minLevel: Level;
  readonly isQuitting: boolean;
}

/** The parts of Ink's `Key` the view reacts to. */
export interface KeyFlags {
  upArrow?: boolean;
  downArrow?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
}

export interface KeyPress {
  input: string;
  key: KeyFlags;
  /** Models in display order, before filtering. */
  models: readonly ReportModel[];
}

export const INITIAL_STATE: ViewState = {
  selected: 0,
  isDetailOpen: false,
  isFiltering: false,
  query: "",
  minLevel: "none",
  isQuitting: false,
};

/**
 * One key press → the next view state. A reducer, not closures over state, so keys arriving faster
 * than React renders (typing, pasting a filter) each see the state the previous key left.
 */
export function reduceKey(state: ViewState, { input, key, models }: KeyPress): ViewState {
  if (state.isFiltering) return reduceFilterKey(state, input, key);
  const count = filterModels(models, state.query, state.minLevel).length;
  const selected = Math.min(state.selected, Math.max(0, count - 1));
  if (input === "q" || (key.escape && !state.isDetailOpen)) return { ...state, isQuitting: true };
  if (key.escape) return { ...state, isDetailOpen: false };
  if (key.upArrow || input === "k") return { ...state, selected: Math.max(0, selected - 1) };
  if (key.downArrow || input === "j") return { ...state, selected: Math.min(Math.max(0, count - 1), selected + 1) };
  if (key.return && count > 0) return { ...state, selected, isDetailOpen: !state.isDetailOpen };
  if (input === "/") return { ...state, isFiltering: true, isDetailOpen: false };
  if (input === "f") return { ...state, minLevel: nextLevel(state.minLevel), selected: 0 };
  return state;
}

function reduceFilterKey(state: ViewState, input: string, key: KeyFlags): ViewState {
  if (key.return) return { ...state, isFiltering: false };
  if (key.escape) return { ...state, isFiltering: false, query: "", selected: 0 };
  if (key.backspace || key.delete) return { ...state, query: state.query.slice(0, -1), selected: 0 };
  if (key.ctrl || key.meta || key.upArrow || key.downArrow) return state;
  return { ...state, query: state.query + sanitizeTerminal(input), selected: 0 };
}

/**
 * Ink hands over a chunk of plain text as one input ("/lla", "\rfff") when keys arrive together:
 * pasted filters, fast typing over SSH, tmux send-keys. Split such chunks into single key presses.
 */
export function splitKeys(input: string, key: KeyFlags): { input: string; key: KeyFlags }[] {
  const chars = [...input];
  if (chars.length <= 1 || key.upArrow || key.downArrow || key.escape || key.ctrl || key.meta) return [{ input, key }];
  return chars.map((ch) => {
    if (ch === "\r" || ch === "\n") return { input: "", key: { return: true } };
    if (ch === "\x7f" || ch === "\b") return { input: "", key: { backspace: true } };
    return { input: ch, key: {} };
  });
}
