import type { Detector, ProviderMention, SourceFile } from "../../src/types.js";
import { makeContext } from "./context.js";

/** A provider mention from a manifest or lockfile, as the dependency tables compare them. */
export interface DependencyRow {
  file: string;
  line: number;
  column: number;
  value: string;
  name: string;
  version?: string;
  direct: boolean;
}

/** Runs a dependency detector with a fixed provider map; rows and skip notes out. */
export async function detectDependencies(detector: Detector, providers: Record<string, string>, files: SourceFile[], root?: string) {
  const ctx = { ...makeContext([], providers), root };
  const mentions = (await detector.detect(files, ctx)) as ProviderMention[];
  const rows: DependencyRow[] = mentions.map((m) => ({
    file: m.file, line: m.line, column: m.column, value: m.value,
    name: m.dependency!.name, version: m.dependency!.version, direct: m.dependency!.direct,
  }));
  return { rows, skipped: ctx.skipped, mentions };
}
