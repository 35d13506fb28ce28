import type { Detector, DetectContext, Mention, SourceFile } from "../../types.js";
import { CommandScanner } from "./commands.js";
import { hitsToMentions } from "./hits.js";
import { scanJson } from "./json-config.js";
import { scanLines } from "./line-config.js";
import { baseName } from "./positions.js";
import { loadToml, scanToml } from "./toml-config.js";
import { scanYaml } from "./yaml-config.js";

type Format = "yaml" | "json" | "toml" | "env" | "ini";

/** Files other detectors own (manifests, lockfiles, notebooks) or that never configure models. */
const NOT_CONFIG = /^(?:\.?package(?:-lock)?\.json|npm-shrinkwrap\.json|[tj]sconfig(?:\..*)?\.json|composer\.lock|pnpm-lock\.yaml|yarn\.lock|.*\.lock(?:\.json)?|\.?pubspec\.lock)$/;

const BY_EXTENSION = new Map<string, Format>([
  ["yaml", "yaml"], ["yml", "yaml"], ["json", "json"], ["toml", "toml"], ["cfg", "ini"], ["ini", "ini"], ["properties", "ini"],
]);

/** Asked of every path in the scan, so the name's format comes first and the exclusions only after. */
export function configFormat(path: string): Format | undefined {
  const name = baseName(path);
  const format = /^\.env(?:\..+)?$|\.env$/.test(name) ? "env" : BY_EXTENSION.get(/\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? "");
  if (format === undefined || path.startsWith(".vscode/") || path.includes("/.vscode/") || NOT_CONFIG.test(name)) return undefined;
  return format;
}

/**
 * YAML (compose files included: their `command:` and `environment:` are read here, not by the
 * Dockerfile detector), JSON, TOML, `.env*` and ini-like files: values under model keys, known model
 * ids anywhere, and hub URLs. A file that does not parse is skipped with a one-line note.
 */
export const configDetector: Detector = {
  name: "config",
  accepts: (path) => configFormat(path) !== undefined,
  async detect(files: readonly SourceFile[], ctx: DetectContext): Promise<Mention[]> {
    if (files.some((f) => configFormat(f.path) === "toml")) await loadToml();
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
