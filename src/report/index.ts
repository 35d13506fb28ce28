import type { Format, Reporter } from "./types.js";

/** Reporters load on demand so `--format json` never pays for React, Ink or a SARIF builder. */
const loaders: Partial<Record<Format, () => Promise<Reporter>>> = {
  json: async () => (await import("./json.js")).formatJson,
  compact: async () => (await import("./compact.js")).formatCompact,
  text: async () => (await import("./text.js")).formatText,
  sarif: async () => (await import("./sarif.js")).formatSarif,
  markdown: async () => (await import("./markdown.js")).formatMarkdown,
  cyclonedx: async () => (await import("./cyclonedx.js")).formatCycloneDx,
};

export async function loadReporter(format: Format): Promise<Reporter> {
  const load = loaders[format];
  if (!load) throw new Error(`no reporter for format ${format}`);
  return load();
}

export function hasReporter(format: Format): boolean {
  return loaders[format] !== undefined;
}
