/** Reads rules folders: every `.yaml`/`.yml` file below a folder, parsed and schema-checked. */
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { parseDocument } from "yaml";
import { rulesFileSchema, formatIssues, type RulesFile } from "./schema.js";

export interface ReadFile {
  /** How messages name the file: `rules/models/openai.yaml`, or relative to the working directory. */
  display: string;
  text: string;
}

export interface ParsedFile extends ReadFile {
  data: RulesFile;
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

/** Parses and validates one rules file; the errors are one line each, `file: entry.path: message`. */
export function parseRulesFile(file: ReadFile): { parsed?: ParsedFile; errors: string[] } {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => {
        const line = file.text.slice(0, e.pos[0]).split("\n").length;
        const where = `line ${line}: `;
        return `${file.display}: ${where}${e.message.split("\n")[0]}`;
      }),
    };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 100 }) ?? {};
  const result = rulesFileSchema.safeParse(applyModelDefaults(raw));
  if (!result.success) return { errors: formatIssues(file.display, result.error) };
  return { parsed: { ...file, data: result.data }, errors: [] };
}

/** Fills `modelDefaults` into each model entry before validation, so errors still name the entry. */
function applyModelDefaults(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null || !("modelDefaults" in raw) || !("models" in raw)) return raw;
  const { modelDefaults, models } = raw as { modelDefaults: unknown; models: unknown };
  if (typeof modelDefaults !== "object" || modelDefaults === null || !Array.isArray(models)) return raw;
  const filled = models.map((entry: unknown) =>
    typeof entry === "object" && entry !== null && !Array.isArray(entry) ? { ...modelDefaults, ...entry } : entry,
  );
  return { ...raw, models: filled };
}
