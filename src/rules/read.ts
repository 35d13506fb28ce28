/** Reads rules folders: every `.yaml`/`.yml` file below a folder, parsed and schema-checked. */
import { parseDocument } from "yaml";
import type { ReadFile } from "./files.js";
import { rulesFileSchema, formatIssues, type RulesFile } from "./schema.js";

export { displayPath, listFiles, readText, type ReadFile } from "./files.js";

export interface ParsedFile extends ReadFile {
  data: RulesFile;
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
