import { isAlias, isMap, isScalar, isSeq, parseAllDocuments, type Node, type Scalar } from "yaml";
import type { CommandScanner } from "./commands.js";
import type { Hit } from "./hits.js";
import { splitCommands, type Word } from "./shell-words.js";

/** Keys whose string value is a command line (compose, CI, k8s). */
const COMMAND_KEYS = new Set(["command", "entrypoint", "args", "run", "script", "cmd", "before_script"]);
/** Sibling keys that pin the model in the same mapping. */
const REVISION_KEYS = new Set(["revision", "model_revision", "revision_of_model", "base_model_revision"]);
/** The keys such a pin applies to (not `hub_model_id`, the repository a run pushes to). */
const PINNED_KEYS = new Set(["model", "base_model", "model_id", "model_name", "model_name_or_path", "pretrained_model_name_or_path"]);

/**
 * Walks every document of a YAML (or JSON, which is YAML 1.2) file and feeds each keyed string value to
 * the scanner with its exact source range. Aliases are not expanded, so an anchor's value is reported
 * once where it is written and an alias bomb costs nothing (`maxAliasCount` only applies to `toJS`,
 * which is never called here).
 * Returns an error line when the file does not parse.
 */
export function scanYaml(text: string, scanner: CommandScanner): string | undefined {
  // YAML 1.2 breaks lines on LF and CRLF only; old Mac files end lines with a lone CR, which editors
  // (and our line counting) honour. Same length, so every offset still points into `text`.
  const source = text.includes("\r") ? text.replace(/\r(?!\n)/g, "\n") : text;
  const docs = parseAllDocuments(source, { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false });
  for (const doc of docs) {
    const error = doc.errors[0];
    if (error) return error.message.split("\n")[0]!.replace(/:$/, "");
  }
  for (const doc of docs) if (doc.contents) scanYamlNode(doc.contents, text, scanner);
  return undefined;
}

/** Feeds the keyed string values of one document's tree to the scanner (JSON builds its own tree). */
export function scanYamlNode(root: Node, text: string, scanner: CommandScanner): void {
  visit(root, undefined, text, scanner);
}

function visit(node: Node, key: string | undefined, text: string, scanner: CommandScanner): void {
  if (isAlias(node)) return;
  if (isMap(node)) {
    const entries = node.items.map((pair) => ({ key: isScalar(pair.key) ? String(pair.key.value) : undefined, value: pair.value }));
    const revision = entries.find((e) => e.key && REVISION_KEYS.has(e.key) && isStringScalar(e.value));
    // Kubernetes env lists: `- name: MODEL_ID` / `value: org/name`.
    const envName = entries.find((e) => e.key === "name" && isStringScalar(e.value))?.value as Scalar<string> | undefined;
    const envValue = entries.find((e) => e.key === "value")?.value;
    for (const entry of entries) {
      if (!isNodeLike(entry.value)) continue;
      if (entry.key === "value" && envName && isStringScalar(envValue)) {
        scanScalar(envValue, envName.value, text, scanner);
        continue;
      }
      const hits = visitValue(entry.value, entry.key, text, scanner);
      if (revision && entry.key && PINNED_KEYS.has(entry.key)) {
        for (const hit of hits) hit.revision ??= (revision.value as Scalar<string>).value;
      }
    }
  } else {
    visitValue(node, key, text, scanner);
  }
}

/** Visits a value; returns the model hits it produced directly (for a sibling `revision:`). */
function visitValue(node: Node, key: string | undefined, text: string, scanner: CommandScanner): Hit[] {
  const hits: Hit[] = [];
  if (isSeq(node)) {
    if (key && COMMAND_KEYS.has(key) && node.items.every(isStringScalar)) {
      scanner.scanCommand(node.items.map((item) => wordOf(item as Scalar<string>)));
    } else {
      for (const item of node.items) if (isNodeLike(item)) hits.push(...visitValue(item, key, text, scanner));
    }
  } else if (isMap(node)) {
    visit(node, key, text, scanner);
  } else if (isStringScalar(node)) {
    const hit = scanScalar(node, key, text, scanner);
    if (hit) hits.push(hit);
  }
  return hits;
}

function scanScalar(node: Scalar<string>, key: string | undefined, text: string, scanner: CommandScanner) {
  const [start, end] = contentOf(node, text);
  if (key && COMMAND_KEYS.has(key)) {
    for (const command of splitCommands(text, start, end)) scanner.scanCommand(command);
    return undefined;
  }
  // Compose `environment:` lists and similar: `- MODEL_ID=org/name`.
  const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(node.value);
  if (assignment && text.slice(start, end) === node.value) {
    const valueStart = start + assignment[0].length;
    return scanner.assign(assignment[1], valueStart, end, node.value.slice(assignment[0].length));
  }
  return scanner.assign(key, node.range![0], node.range![1], node.value);
}

/** The raw text range a scalar's value comes from: inside quotes, or below a block scalar's header. */
function contentOf(node: Scalar, text: string): [number, number] {
  const [start, end] = node.range!;
  if (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE") return [start + 1, Math.max(start + 1, end - 1)];
  if (node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") {
    const nl = text.indexOf("\n", start);
    return [nl === -1 || nl > end ? end : nl + 1, end];
  }
  return [start, end];
}

function wordOf(node: Scalar<string>): Word {
  return { start: node.range![0], end: node.range![1], value: node.value };
}

function isStringScalar(node: unknown): node is Scalar<string> {
  return isScalar(node) && typeof node.value === "string" && node.range !== undefined && node.range !== null;
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isMap(value) || isSeq(value) || isAlias(value);
}
