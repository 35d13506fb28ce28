import { isMap, isScalar, parseDocument, type Node } from "yaml";
import type { SourceFile } from "../../types.js";
import { readJsonNodes } from "../config/json-nodes.js";

/** A dependency as package.json declares it, with where its key stands. */
export interface DeclaredDep {
  /** The key as written (an alias for `npm:` specs). */
  key: string;
  /** The registry name: the key, or the target of an `npm:name@range` alias. */
  name: string;
  spec: string;
  /** Offset of the key's first char inside the quotes, and its length as written. */
  offset: number;
  length: number;
}

export interface Manifest {
  file: string;
  /** Folder of the manifest relative to the scan root ("" at the root). */
  dir: string;
  deps: DeclaredDep[];
  /** Fields of the wrong type, reported as skips while the rest is still read. */
  problems: string[];
}

/** Later fields only add names the earlier ones did not declare (a peer that is also a dev dep counts once). */
const FIELDS = ["dependencies", "optionalDependencies", "devDependencies", "peerDependencies"] as const;

/**
 * Reads the declared dependencies of a package.json. JSON.parse decides validity (package.json is JSON,
 * not YAML); the YAML tree of the text (JSON is a subset of YAML 1.2 flow syntax) supplies key positions
 * and which duplicate key counts.
 */
export function readManifest(file: SourceFile): Manifest | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    return { error: `package.json is not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return { error: "package.json is not an object" };
  const contents = yamlTreeOf(file.text);
  if (!isMap(contents)) return { error: "package.json could not be located" };

  const deps: DeclaredDep[] = [];
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const field of FIELDS) {
    const section = contents.get(field, true);
    if (section === undefined) continue;
    if (!isMap(section)) {
      problems.push(`"${field}" is not an object`);
      continue;
    }
    for (const pair of section.items) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const spec = pair.value.value;
      if (typeof spec !== "string" || seen.has(key)) continue;
      seen.add(key);
      const [start, end] = pair.key.range;
      deps.push({ key, name: aliasTarget(spec) ?? key, spec, offset: start + 1, length: end - start - 2 });
    }
  }
  const dir = file.path.includes("/") ? file.path.slice(0, file.path.lastIndexOf("/")) : "";
  return { file: file.path, dir, deps, problems };
}

/**
 * Built straight from the JSON; a lone CR (old Mac line ends) is a line break to YAML but whitespace
 * to JSON, so such a file keeps the YAML parser's reading, whatever it makes of it.
 */
function yamlTreeOf(text: string): Node | null | undefined {
  if (!/\r(?!\n)/.test(text)) {
    const root = readJsonNodes(text);
    if (root !== undefined) return root;
  }
  return parseDocument(text, { uniqueKeys: false, keepSourceTokens: false }).contents;
}

/** `npm:openai@^4` → `openai`; `npm:@scope/x@1` → `@scope/x`. */
function aliasTarget(spec: string): string | undefined {
  if (!spec.startsWith("npm:")) return undefined;
  const rest = spec.slice(4);
  const at = rest.indexOf("@", 1);
  return at < 0 ? rest : rest.slice(0, at);
}
