import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import type { SourceFile } from "../../types.js";

/** A parsed project file; nodes keep parent links so scopes can be walked upwards. */
export interface Module {
  path: string;
  sf: ts.SourceFile;
}

export const EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"] as const;

/** Longer than this, a line is generated or minified code, not something a person edits. */
const MAX_LINE = 1000;
const MAX_AVERAGE_LINE = 250;

/** Why a file is not worth parsing, or undefined when it is. */
export function findSkipReason(file: SourceFile): string | undefined {
  if (/\.min\.[cm]?js$/.test(file.path)) return "minified";
  if (file.text.includes("\u0000")) return "binary";
  let lines = 1;
  let start = 0;
  for (let i = file.text.indexOf("\n"); i !== -1; i = file.text.indexOf("\n", i + 1)) {
    if (i - start > MAX_LINE) return "minified";
    start = i + 1;
    lines++;
  }
  if (file.text.length - start > MAX_LINE) return "minified";
  if (file.text.length / lines > MAX_AVERAGE_LINE) return "minified";
  return undefined;
}

/** A byte-order mark is not a column anyone's editor counts. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function scriptKind(path: string): ts.ScriptKind {
  if (path.endsWith(".tsx")) return tsApi.ScriptKind.TSX;
  if (/\.[cm]?ts$/.test(path)) return tsApi.ScriptKind.TS;
  if (path.endsWith(".jsx")) return tsApi.ScriptKind.JSX;
  return tsApi.ScriptKind.JS;
}

/**
 * Parses files on demand and at most once. Only the syntax tree is built (no binder, no checker,
 * no file system), which keeps a monorepo scan fast; files reached through imports are parsed
 * lazily even when the prefilter let them pass unparsed.
 */
export class ModuleCache {
  private readonly files = new Map<string, SourceFile>();
  private readonly parsed = new Map<string, Module | null>();
  private readonly bySourceFile = new Map<ts.SourceFile, Module>();

  constructor(
    files: readonly SourceFile[],
    private readonly onSkip: (file: string, reason: string) => void,
  ) {
    for (const f of files) this.files.set(f.path, f);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get(path: string): Module | undefined {
    const cached = this.parsed.get(path);
    if (cached) {
      // Most recently used last, for `trim`.
      this.parsed.delete(path);
      this.parsed.set(path, cached);
      return cached;
    }
    if (cached === null) return undefined;
    const file = this.files.get(path);
    const reason = file ? findSkipReason(file) : "missing";
    if (!file || reason) {
      if (file && reason) this.onSkip(path, reason);
      this.parsed.set(path, null);
      return undefined;
    }
    const text = withoutBom(file.text);
    let sf: ts.SourceFile;
    try {
      // JSDoc is never read here; skipping its parse saves ~10% of parse time.
      const options = { languageVersion: tsApi.ScriptTarget.Latest, jsDocParsingMode: tsApi.JSDocParsingMode.ParseNone };
      sf = tsApi.createSourceFile(path, text, options, true, scriptKind(path));
    } catch (error) {
      // The TypeScript parser recurses; thousands of nested brackets overflow its stack.
      this.onSkip(path, error instanceof RangeError ? "too deeply nested to parse" : "unparsable");
      this.parsed.set(path, null);
      return undefined;
    }
    const mod: Module = { path, sf };
    this.parsed.set(path, mod);
    this.bySourceFile.set(sf, mod);
    return mod;
  }

  /**
   * Drops all but the `keep` most recently used syntax trees. A monorepo's trees do not fit in a
   * young heap together, and keeping them all made garbage collection a fifth of the pass; a tree
   * needed again (an import followed later) is parsed again, to the same nodes' values.
   * Call only between files: nodes of a dropped tree must not be in use.
   */
  trim(keep: number): void {
    let excess = this.bySourceFile.size - keep;
    if (excess <= 0) return;
    for (const [path, mod] of this.parsed) {
      if (!mod) continue;
      this.parsed.delete(path);
      this.bySourceFile.delete(mod.sf);
      if (--excess === 0) break;
    }
  }

  /** The module a node belongs to. */
  of(node: ts.Node): Module {
    const mod = this.bySourceFile.get(node.getSourceFile());
    if (!mod) throw new Error(`node outside the parsed modules: ${node.getSourceFile().fileName}`);
    return mod;
  }
}
