import { readdirSync, readFileSync, realpathSync, type Dirent } from "node:fs";
import { join } from "node:path";
import ignore, { type Ignore } from "ignore";
import type { Skipped } from "../types.js";

/** Folders that hold dependencies, build output or VCS data: never the project's own model code. */
export const DEFAULT_EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  ".git", ".hg", ".svn", "node_modules", "bower_components", "jspm_packages",
  "dist", "build", "out", ".next", ".nuxt", ".svelte-kit", ".output", ".turbo", ".vercel",
  "coverage", ".nyc_output", ".cache", ".parcel-cache",
  "vendor", "third_party", "third-party", "__pycache__", ".venv", "venv", ".tox", ".nox",
  ".mypy_cache", ".pytest_cache", ".ruff_cache", "site-packages", ".ipynb_checkpoints",
  "target", ".gradle", ".idea", ".yarn",
]);

/** Files that are never text worth reading: weights, archives, media. Skipped without a note. */
const BINARY_EXTENSIONS = new Set([
  "png", "jpg", "jpeg", "gif", "webp", "ico", "bmp", "tiff", "svgz", "psd", "mp3", "mp4", "wav", "flac",
  "ogg", "mov", "avi", "webm", "pdf", "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "tar", "jar",
  "war", "whl", "egg", "so", "dylib", "dll", "exe", "o", "a", "class", "pyc", "pyo", "wasm", "node",
  "bin", "pt", "pth", "ckpt", "safetensors", "gguf", "ggml", "onnx", "h5", "pb", "tflite", "npy", "npz",
  "pkl", "pickle", "parquet", "arrow", "feather", "db", "sqlite", "woff", "woff2", "ttf", "otf", "eot",
  "lockb", "map",
]);

export interface WalkedFile {
  /** Relative POSIX path from the root. */
  path: string;
  absolute: string;
}

export interface WalkOptions {
  root: string;
  /** Extra ignore patterns (gitignore syntax), e.g. from the policy file. */
  ignorePatterns?: readonly string[];
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: Skipped[];
}

interface Frame {
  dir: string;
  rel: string;
  rules: { base: string; ig: Ignore }[];
}

/**
 * Walks the root depth-first in sorted order, honouring every .gitignore and .modelriskignore on the way
 * (nested files apply below their folder, as git does). Symlinks are never followed: one that points
 * inside the root names a file the walk reaches anyway; one that points outside is noted.
 */
export async function walk(options: WalkOptions): Promise<WalkResult> {
  const root = realpathSync.native(options.root);
  const files: WalkedFile[] = [];
  const skipped: Skipped[] = [];
  const baseRules = options.ignorePatterns?.length
    ? [{ base: "", ig: ignore().add([...options.ignorePatterns]) }]
    : [];
  const stack: Frame[] = [{ dir: root, rel: "", rules: baseRules }];

  while (stack.length > 0) {
    const frame = stack.pop()!;
    // Synchronous calls: a promise and a thread-pool round trip per folder cost more than the call itself.
    let entries: Dirent[];
    try {
      entries = readdirSync(frame.dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ file: frame.rel || ".", reason: `unreadable folder (${errorCode(error)})` });
      continue;
    }
    const rules = [...frame.rules];
    for (const name of [".gitignore", ".modelriskignore"]) {
      if (entries.some((e) => e.name === name && e.isFile())) {
        const text = readText(join(frame.dir, name));
        rules.push({ base: frame.rel, ig: ignore().add(text) });
      }
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const dirs: Frame[] = [];
    for (const entry of entries) {
      const rel = frame.rel ? `${frame.rel}/${entry.name}` : entry.name;
      const absolute = join(frame.dir, entry.name);
      if (entry.isDirectory()) {
        if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || isIgnored(rules, `${rel}/`)) continue;
        dirs.push({ dir: absolute, rel, rules });
      } else if (entry.isSymbolicLink()) {
        if (!isIgnored(rules, rel)) noteSymlink(root, absolute, rel, skipped);
      } else if (entry.isFile()) {
        if (isIgnored(rules, rel) || BINARY_EXTENSIONS.has(extension(entry.name))) continue;
        files.push({ path: rel, absolute });
      }
    }
    stack.push(...dirs);
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, skipped };
}

function isIgnored(rules: Frame["rules"], rel: string): boolean {
  let ignored = false;
  for (const { base, ig } of rules) {
    const local = base ? (rel.startsWith(`${base}/`) ? rel.slice(base.length + 1) : undefined) : rel;
    if (local === undefined) continue;
    const result = ig.test(local);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

function noteSymlink(root: string, absolute: string, rel: string, skipped: Skipped[]): void {
  let target: string | undefined;
  try {
    target = realpathSync.native(absolute);
  } catch {
    target = undefined;
  }
  if (target === undefined) skipped.push({ file: rel, reason: "symlink: broken or looping" });
  else if (target !== root && !target.startsWith(`${root}/`)) {
    skipped.push({ file: rel, reason: "symlink: points outside the scanned root" });
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

function extension(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? "error";
}
