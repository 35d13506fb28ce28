import { parse } from "smol-toml";
import { locateName, normalizeName, parsePep508, type PyDep } from "./declared.js";

type Table = Record<string, unknown>;
const isTable = (value: unknown): value is Table => typeof value === "object" && value !== null && !Array.isArray(value);

/** Parses TOML, or says why not in one line. */
export function parseToml(text: string, what: string): { data: Table } | { error: string } {
  try {
    return { data: parse(text) as Table };
  } catch (error) {
    return { error: `${what} is not valid TOML (${(error as Error).message.split("\n")[0]})` };
  }
}

/**
 * pyproject.toml: PEP 621 `[project]` dependencies and optional-dependencies, PEP 735
 * `[dependency-groups]`, Poetry `[tool.poetry.dependencies]`, dev-dependencies and groups.
 */
export function readPyproject(text: string, data: Table): { deps: PyDep[]; problems: string[] } {
  const requirements: string[] = [];
  const keys: [string, unknown][] = [];
  const problems: string[] = [];
  const project = isTable(data["project"]) ? data["project"] : {};
  collectStrings(project["dependencies"], "project.dependencies", requirements, problems);
  for (const [group, list] of Object.entries(isTable(project["optional-dependencies"]) ? project["optional-dependencies"] : {})) {
    collectStrings(list, `project.optional-dependencies.${group}`, requirements, problems);
  }
  for (const [group, list] of Object.entries(isTable(data["dependency-groups"]) ? data["dependency-groups"] : {})) {
    collectStrings(list, `dependency-groups.${group}`, requirements, problems);
  }
  const tool = isTable(data["tool"]) ? data["tool"] : {};
  const poetry = isTable(tool["poetry"]) ? tool["poetry"] : {};
  const tables = [poetry["dependencies"], poetry["dev-dependencies"]];
  for (const group of Object.values(isTable(poetry["group"]) ? poetry["group"] : {})) {
    if (isTable(group)) tables.push(group["dependencies"]);
  }
  for (const table of tables) if (isTable(table)) keys.push(...Object.entries(table).filter(([name]) => name !== "python"));

  const used = new Set<number>();
  const deps: PyDep[] = [];
  for (const requirement of requirements) {
    const parsed = parsePep508(requirement);
    if (parsed) push(deps, text, parsed.written, parsed.version, used);
  }
  for (const [written, spec] of keys) push(deps, text, written, poetryVersion(spec), used);
  return { deps, problems };
}

/** Pipfile: `[packages]` and `[dev-packages]` tables of name → specifier. */
export function readPipfile(text: string, data: Table): PyDep[] {
  const used = new Set<number>();
  const deps: PyDep[] = [];
  for (const section of ["packages", "dev-packages"]) {
    const table = data[section];
    if (!isTable(table)) continue;
    const from = Math.max(0, text.indexOf(`[${section}]`));
    for (const [written, spec] of Object.entries(table)) push(deps, text, written, poetryVersion(spec), used, from);
  }
  return deps;
}

function push(deps: PyDep[], text: string, written: string, version: string | undefined, used: Set<number>, from = 0): void {
  const offset = locateName(text, written, from, used);
  if (offset !== undefined) deps.push({ name: normalizeName(written), written, version, offset });
}

function collectStrings(list: unknown, where: string, into: string[], problems: string[]): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) problems.push(`${where} is not an array`);
  else for (const item of list) if (typeof item === "string") into.push(item);
}

/** `"^1.2"`, `{ version = "^1.2", extras = [...] }`, `"*"` → the specifier, `==` pins stripped. */
function poetryVersion(spec: unknown): string | undefined {
  const raw = isTable(spec) ? spec["version"] : spec;
  if (typeof raw !== "string" || raw === "*" || raw === "") return undefined;
  return raw.replace(/^==\s*/, "");
}
