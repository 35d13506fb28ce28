/**
 * The Python files of one scan as modules, so a constant imported from `service/settings.py` is followed
 * to its literal there. Files are parsed once, on first use, and each file keeps one mention sink.
 */
import type { Tree } from "@lezer/common";
import { parser } from "@lezer/python";
import type { DetectorName, Mention, SourceFile } from "../../types.js";
import { MentionSink } from "./collect.js";
import { collectScopes, type FileScopes } from "./scopes.js";
import type { FoldInput, ModuleFile } from "./values.js";

export interface ParsedFile extends ModuleFile {
  tree: Tree;
  scopes: FileScopes;
}

export class PythonProject {
  private readonly byModule = new Map<string, SourceFile>();
  private readonly parsed = new Map<string, ParsedFile>();
  private readonly sinks = new Map<string, MentionSink>();

  constructor(
    files: readonly SourceFile[],
    private readonly detector: DetectorName = "python",
  ) {
    for (const file of files) for (const name of moduleNames(file.path)) if (!this.byModule.has(name)) this.byModule.set(name, file);
  }

  load(path: string, text: string): ParsedFile {
    let file = this.parsed.get(path);
    if (!file) {
      const tree = parser.parse(text);
      file = { path, text, tree, scopes: collectScopes(tree, text) };
      this.parsed.set(path, file);
    }
    return file;
  }

  sinkFor(path: string, text: string): MentionSink {
    let sink = this.sinks.get(path);
    if (!sink) this.sinks.set(path, (sink = new MentionSink(path, text, this.detector)));
    return sink;
  }

  /** The fold input for one file, with imports resolved against the project's modules. */
  inputFor(file: ParsedFile): FoldInput & ModuleFile {
    return {
      path: file.path,
      text: file.text,
      scopes: file.scopes,
      resolveImport: (module) => {
        const absolute = module.startsWith(".") ? relativeModule(file.path, module) : module;
        const at = absolute.lastIndexOf(".");
        const source = at > 0 ? this.byModule.get(absolute.slice(0, at)) : undefined;
        if (!source || source.path === file.path) return undefined;
        const target = this.load(source.path, source.text);
        return { name: absolute.slice(at + 1), scope: target.scopes.module, input: this.inputFor(target) };
      },
    };
  }

  mentions(): Mention[] {
    return [...this.sinks.values()].flatMap((sink) => sink.mentions());
  }
}

/** `src/service/settings.py` is importable as `service.settings` (src layout) and `src.service.settings`. */
function moduleNames(path: string): string[] {
  if (!/\.pyi?$/.test(path)) return [];
  const dotted = path.replace(/\.pyi?$/, "").replace(/\/__init__$/, "").split("/").join(".");
  return dotted.startsWith("src.") ? [dotted, dotted.slice(4)] : [dotted];
}

/** `from .settings import X` inside `service/chains.py` → `service.settings.X`. */
function relativeModule(path: string, module: string): string {
  const dots = /^\.+/.exec(module)![0].length;
  const packageParts = path.split("/").slice(0, -1);
  const base = packageParts.slice(0, packageParts.length - (dots - 1));
  return [...base, module.slice(dots)].filter(Boolean).join(".");
}
