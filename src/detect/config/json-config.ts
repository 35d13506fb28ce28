import type { CommandScanner } from "./commands.js";
import { readJsonNodes } from "./json-nodes.js";
import { modelKeyStrength } from "./model-value.js";
import { scanYaml, scanYamlNode } from "./yaml-config.js";

/** Above this size a JSON file is usually data, and the YAML parser (~1 ms/KB) becomes the scan's cost. */
const LARGE_JSON = 64 * 1024;
const KEY = /"([^"\\\n]{1,80})"\s*:/g;
const JSON_STRING = /"(?:[^"\\\n]|\\.)*"/g;

/**
 * JSON is read as the YAML tree it is (JSON is YAML 1.2), so keys keep their positions and every rule
 * of the YAML walk applies; valid JSON builds that tree directly, anything else gets the YAML parser's
 * verdict. A large file with no model-like key only needs its string values checked against the
 * database and for hub URLs, so it is validated with JSON.parse and its strings are read from the text.
 */
export function scanJson(text: string, scanner: CommandScanner): string | undefined {
  if (text.length < LARGE_JSON || hasModelKey(text)) {
    const root = isJson(text) ? readJsonNodes(text) : undefined;
    if (root === undefined) return scanYaml(text, scanner);
    scanYamlNode(root, text, scanner);
    return undefined;
  }
  try {
    JSON.parse(text);
  } catch (error) {
    return String(error instanceof Error ? error.message : error).split("\n")[0];
  }
  for (const match of text.matchAll(JSON_STRING)) {
    const end = match.index + match[0].length;
    if (/^\s*:/.test(text.slice(end, end + 8))) continue; // a key, not a value
    let value: string;
    try {
      value = JSON.parse(match[0]) as string;
    } catch {
      continue;
    }
    scanner.assign(undefined, match.index, end, value);
  }
  return undefined;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function hasModelKey(text: string): boolean {
  for (const match of text.matchAll(KEY)) if (modelKeyStrength(match[1]!) !== undefined) return true;
  return false;
}
