import { lstat, realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { Skipped, SourceFile } from "../types.js";
import { readSource, sizeLimit } from "./read.js";
import { changedLines, discoverStaged, gitTopLevel } from "./git.js";

/** A file the scan may read: its path in the report and how to get its text (synchronously: see `readSource`). */
export interface Candidate {
  path: string;
  read(): SourceFile | Skipped;
}

export interface DiscoverOptions {
  root: string;
  /** Scan only these paths (relative to the cwd or absolute), as pre-commit passes them. */
  paths?: readonly string[];
  maxFileSize?: number;
  ignorePatterns?: readonly string[];
  /** Scan the staged content of the repository that holds `root` (pre-commit). */
  staged?: boolean;
  /** Scan the files changed since this git revision, keeping only changed lines. */
  changed?: string;
}

export interface Discovered {
  candidates: Candidate[];
  skipped: Skipped[];
  /** The folder report paths are relative to (the repository top level in git modes). */
  base?: string;
  /** With `changed`: the added or modified line ranges per file. */
  lines?: Map<string, [number, number][]>;
}

/** Which files to scan: the walk of the root, or an explicit list of paths inside it. */
export async function discover(options: DiscoverOptions): Promise<Discovered> {
  const maxFileSize = sizeLimit(options.maxFileSize);
  if (options.staged) {
    const top = await gitTopLevel(options.root);
    return { ...(await discoverStaged(top, maxFileSize)), base: top };
  }
  if (options.changed !== undefined) {
    const top = await gitTopLevel(options.root);
    const lines = await changedLines(top, options.changed);
    const paths = [...lines.keys()].map((p) => resolve(top, p));
    return { ...(await discoverPaths(top, paths, maxFileSize)), base: top, lines };
  }
  if (options.paths) return discoverPaths(options.root, options.paths, maxFileSize);
  // The walk (and its .gitignore matcher) is loaded only for a tree walk, never by pre-commit runs.
  const { walk } = await import("./walk.js");
  const { files, skipped } = await walk({ root: options.root, ignorePatterns: options.ignorePatterns ?? [] });
  return {
    candidates: files.map((f) => ({ path: f.path, read: () => readSource(f.path, f.absolute, maxFileSize(f.path)) })),
    skipped,
  };
}

async function discoverPaths(root: string, paths: readonly string[], maxFileSize: (path: string) => number): Promise<Discovered> {
  const realRoot = await realpath(root);
  const candidates: Candidate[] = [];
  const skipped: Skipped[] = [];
  for (const given of [...new Set(paths)].sort()) {
    const absolute = isAbsolute(given) ? given : resolve(given);
    const rel = relative(realRoot, await realpath(absolute).catch(() => absolute)).split(sep).join("/");
    if (rel === "" || rel.startsWith("../") || rel === ".." || isAbsolute(rel)) {
      skipped.push({ file: given, reason: "outside the scanned root" });
      continue;
    }
    const info = await lstat(absolute).catch(() => undefined);
    if (!info) skipped.push({ file: rel, reason: "not found" });
    else if (info.isSymbolicLink()) skipped.push({ file: rel, reason: "symlink: not followed" });
    else if (info.isFile()) {
      candidates.push({ path: rel, read: () => readSource(rel, absolute, maxFileSize(rel)) });
    }
  }
  return { candidates, skipped };
}
