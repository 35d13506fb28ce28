/** The Python detector: `.py`/`.pyi` files through @lezer/python, after a cheap text prefilter. */
import type { DetectContext, Detector, Mention, SourceFile } from "../../types.js";
import { isPythonSource } from "../paths.js";
import { analyzePython } from "./analyze.js";
import { CALL_SHAPES, MODULE_HINTS } from "./call-shapes.js";
import { PROVIDER_MODULES } from "./imports.js";
import { PythonProject } from "./project.js";

export { analyzePython } from "./analyze.js";

const MAX_BYTES = 2_000_000;

/** Every name a model call or provider import could contain; a file with none of them is not parsed. */
const CANDIDATES = new RegExp(
  `(?:${[
    ...new Set([
      ...CALL_SHAPES.map((s) => s.callee.split(".").at(-1)!),
      ...[...Object.keys(MODULE_HINTS), ...PROVIDER_MODULES].map((m) => m.split(".")[0]!),
      "model", "MODEL", "repo_id", "add_argument", "huggingface", "hf.co",
    ]),
  ].join("|")})`,
);
const QUOTED = /(["'])([^"'\\\n]{1,200})\1/g;

/**
 * Whether a file can hold a mention: a candidate call, module or model-ish name, or a quoted string the
 * database knows. A file without quotes is still parsed when it names a candidate, since a model position
 * fed by a parameter (`from_pretrained(path)`) is reported as dynamic.
 */
export function isWorthParsing(text: string, ctx: DetectContext): boolean {
  if (CANDIDATES.test(text)) return true;
  if (!/["']/.test(text)) return false;
  for (const match of text.matchAll(QUOTED)) if (ctx.isKnownModel(match[2]!)) return true;
  return false;
}

/** The core the notebook detector reuses: one Python source in, its mentions out. */
export function detectPythonSource(
  path: string,
  text: string,
  ctx: DetectContext,
  detector: "python" | "notebook" = "python",
  project?: PythonProject,
): Mention[] {
  if (!isWorthParsing(text, ctx)) return [];
  return analyzePython(path, text, ctx, detector, project);
}

export const pythonDetector: Detector = {
  name: "python",
  accepts: isPythonSource,
  detect(files: readonly SourceFile[], ctx: DetectContext): Mention[] {
    const project = new PythonProject(files);
    for (const file of files) {
      if (file.text.length > MAX_BYTES) {
        ctx.skip(file.path, `larger than ${MAX_BYTES / 1_000_000} MB, not parsed`);
        continue;
      }
      if (file.text.includes("\u0000")) {
        ctx.skip(file.path, "binary content in a .py file");
        continue;
      }
      try {
        detectPythonSource(file.path, file.text, ctx, "python", project);
      } catch (error) {
        ctx.skip(file.path, `python detector: ${error instanceof Error ? error.message : String(error)}`.slice(0, 200));
      }
    }
    return project.mentions();
  },
};
