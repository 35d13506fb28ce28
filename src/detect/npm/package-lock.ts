import type { SourceFile } from "../../types.js";
import { findJsonKey } from "./positions.js";
import { folderOf, isObject, type LockEntry, type LockResult } from "./lock.js";

const DEP_FIELDS = ["dependencies", "optionalDependencies", "devDependencies", "peerDependencies"] as const;
const NODE_MODULES = "node_modules/";

/**
 * Reads a package-lock.json / npm-shrinkwrap.json v2 or v3 (`packages` map) without touching the disk:
 * the path for staged blobs and in-memory scans. Arborist reads the same files when the folder is on disk.
 */
export function readPackageLock(file: SourceFile): LockResult {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch (error) {
    return { error: `lockfile is not valid JSON (${(error as Error).message.split("\n")[0]})` };
  }
  if (!isObject(data)) return { error: "lockfile is not an object" };
  const packages = data["packages"];
  if (packages === undefined && isObject(data["dependencies"])) {
    return { error: "lockfileVersion 1 without a \"packages\" map is read only from disk (through Arborist)" };
  }
  if (!isObject(packages)) return { error: "\"packages\" is missing or not an object" };

  const byLocation = new Map<string, LockEntry>();
  const importers: [string, Record<string, unknown>][] = [];
  for (const [location, meta] of Object.entries(packages)) {
    if (!isObject(meta)) return { error: `packages["${location}"] is not an object` };
    if (meta["link"] === true) continue;
    const at = location.lastIndexOf(NODE_MODULES);
    if (at < 0) {
      importers.push([location, meta]);
      continue;
    }
    const name = typeof meta["name"] === "string" ? meta["name"] : location.slice(at + NODE_MODULES.length);
    const version = typeof meta["version"] === "string" ? meta["version"] : undefined;
    byLocation.set(location, {
      name,
      version,
      directOf: [],
      locate: () => {
        const offset = findJsonKey(file.text, location);
        return offset === undefined ? undefined : { offset, length: JSON.stringify(location).length - 2 };
      },
    });
  }
  // Node resolution from each importer: its own node_modules first, then the hoisted one at the root.
  for (const [importer, meta] of importers) {
    for (const field of DEP_FIELDS) {
      const deps = meta[field];
      if (!isObject(deps)) continue;
      for (const key of Object.keys(deps)) {
        const entry =
          (importer ? byLocation.get(`${importer}/${NODE_MODULES}${key}`) : undefined) ??
          byLocation.get(`${NODE_MODULES}${key}`);
        if (entry && !entry.directOf.includes(importer)) entry.directOf.push(importer);
      }
    }
  }
  return { file: file.path, dir: folderOf(file.path), entries: [...byLocation.values()], source: "package-lock" };
}
