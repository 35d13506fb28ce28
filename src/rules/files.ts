/** Finding and reading rules files, without parsing them: cheap enough for every start-up. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** The built-in rules folder, next to `src/` or `dist/` in the package. */
export const BUILT_IN_RULES_DIR = fileURLToPath(new URL("../../rules/", import.meta.url));

export const YAML_EXTENSIONS = [".yaml", ".yml"];

export interface ReadFile {
  /** How messages name the file: `rules/models/openai.yaml`, or relative to the working directory. */
  display: string;
  text: string;
}

const MAX_RULES_FILE_BYTES = 8 * 1024 * 1024;

/** Lists files under `dir` (or `dir` itself when it is a file) whose names end in one of `extensions`, sorted. */
export async function listFiles(dir: string, extensions: readonly string[], skipDirs: readonly string[] = []): Promise<string[]> {
  const info = await stat(dir);
  if (info.isFile()) return [dir];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && extensions.some((ext) => e.name.endsWith(ext)))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !skipDirs.some((skip) => relative(dir, file).split(sep)[0] === skip))
    .sort();
}

/** The name a message uses for a file: built-in files as `rules/…`, user files relative to the cwd. */
export function displayPath(file: string, root: string, label: string | undefined): string {
  const rel = relative(root, file).split(sep).join("/");
  if (label !== undefined) return rel ? `${label}/${rel}` : label;
  const fromCwd = relative(process.cwd(), file).split(sep).join("/");
  return fromCwd && !fromCwd.startsWith("..") ? fromCwd : file.split(sep).join("/");
}

export async function readText(file: string, display: string): Promise<ReadFile | string> {
  const info = await stat(file);
  if (info.size > MAX_RULES_FILE_BYTES) return `${display}: file is larger than 8 MiB`;
  const text = await readFile(file, "utf8");
  if (text.includes("\u0000")) return `${display}: not a text file`;
  return { display, text };
}

/** Content hash of a set of rules files, independent of the order they were read in. */
export function hashFiles(files: readonly ReadFile[]): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0))) {
    hash.update(file.display).update("\0").update(file.text).update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}

/**
 * The built-in rules files as the compiler reads them (YAML outside feeds/, then the feeds).
 * Synchronous: every scan hashes them to check the snapshot, and 27 small reads through promises
 * cost ~15 ms of a pre-commit run.
 */
export function readBuiltInFiles(): ReadFile[] {
  const out: ReadFile[] = [];
  const groups: [string, string, readonly string[], string[]][] = [
    [BUILT_IN_RULES_DIR, "rules", YAML_EXTENSIONS, ["feeds"]],
    [resolve(BUILT_IN_RULES_DIR, "feeds"), "rules/feeds", [".json"], []],
  ];
  for (const [dir, label, extensions, skip] of groups) {
    let paths: string[];
    try {
      paths = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && extensions.some((ext) => e.name.endsWith(ext)))
        .map((e) => join(e.parentPath, e.name))
        .filter((file) => !skip.some((folder) => relative(dir, file).split(sep)[0] === folder))
        .sort();
    } catch {
      paths = [];
    }
    for (const path of paths) out.push({ display: displayPath(path, dir, label), text: readFileSync(path, "utf8") });
  }
  return out;
}
