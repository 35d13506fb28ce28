import { normalizeName, type PyDep } from "./declared.js";

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === "object" && value !== null && !Array.isArray(value);

export interface PyLock {
  packages: PyDep[];
  /** Names the lockfile itself marks as the project's own dependencies (uv's editable/virtual root). */
  direct: Set<string>;
}

/**
 * poetry.lock and uv.lock: `[[package]]` arrays with `name` and `version`. Each entry is located at
 * the name in its `name = "…"` line, found in file order so repeated names map to their own entry.
 */
export function readPyLock(text: string, data: Table, what: string): PyLock | { error: string } {
  const list = data["package"];
  if (list === undefined) return { packages: [], direct: new Set() };
  if (!Array.isArray(list)) return { error: `${what}: "package" is not an array of tables` };
  const packages: PyDep[] = [];
  const direct = new Set<string>();
  const namePattern = /^name\s*=\s*["']([^"']+)["']/gm;
  for (const entry of list) {
    if (!isTable(entry) || typeof entry["name"] !== "string") return { error: `${what}: a [[package]] has no name` };
    const written = entry["name"];
    let match: RegExpExecArray | null;
    let offset: number | undefined;
    while ((match = namePattern.exec(text)) !== null) {
      if (match[1] === written) {
        offset = match.index + match[0].lastIndexOf(written);
        break;
      }
    }
    if (offset === undefined) return { error: `${what}: cannot locate package "${written}"` };
    if (isProjectItself(entry)) {
      for (const dep of Array.isArray(entry["dependencies"]) ? entry["dependencies"] : []) {
        if (isTable(dep) && typeof dep["name"] === "string") direct.add(normalizeName(dep["name"]));
      }
      continue;
    }
    const version = typeof entry["version"] === "string" ? entry["version"] : undefined;
    packages.push({ name: normalizeName(written), written, version, offset });
  }
  return { packages, direct };
}

/** uv records the project being locked as a package whose source is the folder itself. */
function isProjectItself(entry: Table): boolean {
  const source = entry["source"];
  return isTable(source) && (typeof source["editable"] === "string" || typeof source["virtual"] === "string");
}
