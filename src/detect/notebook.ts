/**
 * Jupyter notebooks: each Python code cell goes through the Python detector's core, and every position
 * is mapped back to the line and column of the `.ipynb` file where the string stands.
 */
import type { DetectContext, Detector, Location, Mention, SourceFile } from "../types.js";
import { isNotebook } from "./paths.js";
import { detectPythonSource } from "./python/index.js";
import { fileOffsetFor, scanSourceStrings, type SourceToken } from "./python/notebook-source.js";
import { buildLineTable, positionAt, type LineTable } from "./python/positions.js";

const MAX_BYTES = 20_000_000;
/** Cell magics whose body is still Python; any other `%%` magic (bash, html, writefile…) is skipped. */
const PYTHON_CELL_MAGICS = new Set(["time", "timeit", "capture", "prun", "debug", "python", "python3", "pypy"]);
/**
 * Kernel languages whose cells are Python source. Coconut is a strict Python superset; the Anthropic
 * cookbook ships Claude notebooks under a Coconut kernelspec, which were skipped before.
 */
const PYTHON_KERNELS = new Set(["python", "python2", "python3", "ipython", "ipython3", "coconut", "pypy", "pypy3"]);

interface NotebookCell {
  cell_type?: unknown;
  source?: unknown;
}

export const notebookDetector: Detector = {
  name: "notebook",
  accepts: isNotebook,
  detect(files: readonly SourceFile[], ctx: DetectContext): Mention[] {
    return files.flatMap((file) => detectNotebook(file, ctx));
  },
};

export function detectNotebook(file: SourceFile, ctx: DetectContext): Mention[] {
  if (file.text.length > MAX_BYTES) return skip(ctx, file, `larger than ${MAX_BYTES / 1_000_000} MB`);
  let notebook: unknown;
  try {
    notebook = JSON.parse(file.text);
  } catch (error) {
    // JSON.parse quotes the bad input, line breaks included; a skip reason stays one line.
    const message = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ");
    return skip(ctx, file, `not valid JSON (${message})`.slice(0, 200));
  }
  if (!isRecord(notebook)) return skip(ctx, file, "notebook is not a JSON object");
  if (!Array.isArray(notebook.cells)) {
    return skip(ctx, file, "worksheets" in notebook ? "nbformat 3 notebook (worksheets), not supported" : "no cells array");
  }
  const language = kernelLanguage(notebook.metadata);
  if (language && !PYTHON_KERNELS.has(language)) return skip(ctx, file, `kernel language is ${language}, not python`);
  const cells = notebook.cells as unknown[];
  const bad = cells.findIndex((c) => !isRecord(c) || !isText((c as NotebookCell).source));
  if (bad >= 0) return skip(ctx, file, `cell ${bad} has no text source`);

  const program = buildProgram(cells as NotebookCell[], scanSourceStrings(file.text));
  if (!program) return skip(ctx, file, "could not locate cell sources in the notebook text");
  const fileLines = buildLineTable(file.text);
  const codeLines = buildLineTable(program.code);
  const map = (l: Location): Location => mapLocation(l, codeLines, program.tokens, file.text, fileLines);
  return detectPythonSource(file.path, program.code, ctx, "notebook").map((mention) => {
    const mapped = { ...mention, ...map(mention) };
    if (mapped.kind === "model" && mapped.usedAt) mapped.usedAt = mapped.usedAt.map(map);
    return mapped;
  });
}

/**
 * All code cells as one program, since a notebook's cells share one namespace (`MODEL_ID` set in the
 * first cell feeds `from_pretrained` in the fifth). Skipped cells become blanks so offsets stay put;
 * token offsets are shifted to the joined program.
 */
function buildProgram(cells: NotebookCell[], tokensByCell: Map<number, SourceToken[]>) {
  let code = "";
  const tokens: SourceToken[] = [];
  for (const [index, cell] of cells.entries()) {
    if (cell.cell_type !== "code") continue;
    const cellTokens = tokensByCell.get(index) ?? [];
    const source = cellTokens.map((t) => t.decoded).join("");
    if (source !== joinSource(cell.source)) return undefined; // scanner and JSON.parse disagree: never guess
    const python = blankMagics(source) ?? source.replace(/[^\n]/g, " ");
    for (const token of cellTokens) tokens.push({ ...token, codeFrom: token.codeFrom + code.length });
    code += `${python}\n`;
  }
  return { code, tokens };
}

/**
 * IPython syntax the Python grammar does not know: `!pip install`, `%matplotlib inline`. They become
 * spaces so offsets keep their meaning. A non-Python cell magic makes the whole cell undefined.
 */
export function blankMagics(code: string): string | undefined {
  const cellMagic = /^%%(\w+)/.exec(code);
  if (cellMagic && !PYTHON_CELL_MAGICS.has(cellMagic[1]!)) return undefined;
  return code.replace(/^([ \t]*)([!%].*)$/gm, (_all, indent: string, magic: string) => indent + " ".repeat(magic.length));
}

function mapLocation(l: Location, codeLines: LineTable, tokens: SourceToken[], json: string, fileLines: LineTable): Location {
  const startOffset = (codeLines.starts[l.line - 1] ?? 0) + l.column - 1;
  const endOffset = (codeLines.starts[l.endLine - 1] ?? 0) + l.endColumn - 1;
  const start = positionAt(fileLines, fileOffsetFor(tokens, json, startOffset));
  const end = positionAt(fileLines, fileOffsetFor(tokens, json, endOffset, true));
  return { file: l.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

function kernelLanguage(metadata: unknown): string | undefined {
  if (!isRecord(metadata)) return undefined;
  const fromKernel = isRecord(metadata.kernelspec) ? metadata.kernelspec.language : undefined;
  const fromInfo = isRecord(metadata.language_info) ? metadata.language_info.name : undefined;
  const language = typeof fromKernel === "string" ? fromKernel : typeof fromInfo === "string" ? fromInfo : undefined;
  return language?.toLowerCase();
}

function joinSource(source: unknown): string {
  return Array.isArray(source) ? source.join("") : String(source);
}

function isText(source: unknown): boolean {
  return typeof source === "string" || (Array.isArray(source) && source.every((s) => typeof s === "string"));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function skip(ctx: DetectContext, file: SourceFile, reason: string): Mention[] {
  ctx.skip(file.path, reason);
  return [];
}
