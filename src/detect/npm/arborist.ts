import { readFile, realpath } from "node:fs/promises";
import { join, sep } from "node:path";
import type { SourceFile } from "../../types.js";
import { findJsonKey } from "./positions.js";
import { folderOf, type LockEntry, type LockResult } from "./lock.js";

/**
 * Reads an npm lockfile through Arborist's `loadVirtual`, which only parses the lockfile and the
 * package.json files beside it: no network, no scripts, no reify. Used only when the scanned text is
 * exactly what is on disk under the root, so staged blobs and in-memory scans never mix with the disk.
 * Returns undefined when Arborist cannot be used here; the caller then parses the text itself.
 */
export async function loadWithArborist(root: string, file: SourceFile): Promise<LockResult | undefined> {
  const realRoot = await realpath(root).catch(() => undefined);
  const folder = await realpath(join(root, folderOf(file.path) || ".")).catch(() => undefined);
  if (!realRoot || !folder || (folder !== realRoot && !folder.startsWith(realRoot + sep))) return undefined;
  const onDisk = await readFile(join(folder, file.path.slice(file.path.lastIndexOf("/") + 1)), "utf8").catch(() => undefined);
  if (onDisk !== file.text) return undefined;

  // Arborist pulls in a large module graph (~0.5 s): load it only once a lockfile is actually found.
  const { default: Arborist } = await import("@npmcli/arborist");
  let tree;
  try {
    tree = await new Arborist({ path: folder }).loadVirtual();
  } catch (error) {
    return { error: `Arborist could not read the lockfile (${(error as Error).message.split("\n")[0]})` };
  }
  const isV1 = !/"packages"\s*:/.test(file.text);
  const entries: LockEntry[] = [];
  for (const node of tree.inventory.values()) {
    if (node.isProjectRoot || node.isLink || node.isWorkspace) continue;
    const directOf = [...node.edgesIn]
      .map((edge) => edge.from)
      .filter((from) => from !== null && (from.isProjectRoot || from.isWorkspace))
      .map((from) => from!.location);
    entries.push({
      name: node.packageName,
      version: node.version || undefined,
      directOf: [...new Set(directOf)].sort(),
      locate: () => locateNode(file.text, node.location, node.name, isV1),
    });
  }
  return { file: file.path, dir: folderOf(file.path), entries, source: "arborist-virtual" };
}

/**
 * v2/v3 lockfiles key entries by location (`"node_modules/openai": {`). v1 nests them by name under
 * `dependencies`, so the first `"name": {` object key is the best place there is.
 */
function locateNode(text: string, location: string, name: string, isV1: boolean): { offset: number; length: number } | undefined {
  const key = isV1 ? name : location;
  let from = 0;
  for (;;) {
    const offset = findJsonKey(text, key, from);
    if (offset === undefined) return undefined;
    if (!isV1 || /^"\s*:\s*\{/.test(text.slice(offset + key.length, offset + key.length + 40))) {
      return { offset, length: JSON.stringify(key).length - 2 };
    }
    from = offset + 1;
  }
}
