import type { Detector, DetectContext, Mention, SourceFile } from "../../types.js";
import { CommandScanner } from "./commands.js";
import { hitsToMentions } from "./hits.js";
import { scanJson } from "./json-config.js";
import { scanLines } from "./line-config.js";
import { baseName } from "./positions.js";
import { scanToml } from "./toml-config.js";
import { scanYaml } from "./yaml-config.js";

type Format = "yaml" | "json" | "toml" | "env" | "ini";

/** Files other detectors own (manifests, lockfiles, notebooks) or that never configure models. */
const NOT_CONFIG = /^(?:\.?package(?:-lock)?\.json|npm-shrinkwrap\.json|[tj]sconfig(?:\..*)?\.json|composer\.lock|pnpm-lock\.yaml|yarn\.lock|.*\.lock(?:\.json)?|\.?pubspec\.lock)$/;

export function configFormat(path: string): Format | undefined {
  if (path.startsWith(".vscode/") || path.includes("/.vscode/")) return undefined;
  const name = baseName(path);
  if (NOT_CONFIG.test(name)) return undefined;
  if (/^\.env(?:\..+)?$|\.env$/.test(name)) return "env";
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === "yaml" || ext === "yml") return "yaml";
  if (ext === "json") return "json";
  if (ext === "toml") return "toml";
  if (ext === "cfg" || ext === "ini" || ext === "properties") return "ini";
  return undefined;
}

/**
 * YAML (compose files included: their `command:` and `environment:` are read here, not by the
 * Dockerfile detector), JSON, TOML, `.env*` and ini-like files: values under model keys, known model
 * ids anywhere, and hub URLs. A file that does not parse is skipped with a one-line note.
 */
export const configDetector: Detector = {
  name: "config",
  accepts: (path) => configFormat(path) !== undefined,
  detect(files: readonly SourceFile[], ctx: DetectContext): Mention[] {
    const out: Mention[] = [];
    for (const file of files) {
      const format = configFormat(file.path);
      if (!format) continue;
      const scanner = new CommandScanner(file.text, ctx);
      const error = scanFile(format, file.text, scanner);
      if (error !== undefined) {
        ctx.skip(file.path, `invalid ${format.toUpperCase()}: ${error.slice(0, 160)}`);
        continue;
      }
      out.push(...hitsToMentions(file.path, file.text, scanner.hits, "config"));
    }
    return out;
  },
};

function scanFile(format: Format, text: string, scanner: CommandScanner): string | undefined {
  switch (format) {
    case "yaml":
      return scanYaml(text, scanner);
    case "json":
      return scanJson(text, scanner);
    case "toml":
      return scanToml(text, scanner);
    case "env":
    case "ini":
      scanLines(text, scanner, format);
      return undefined;
  }
}
