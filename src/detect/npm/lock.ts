/** One resolved package in a lockfile, whichever lockfile format it came from. */
export interface LockEntry {
  name: string;
  version?: string;
  /** Importer folders (relative to the lockfile's folder, "" for its root) that declare it directly. */
  directOf: string[];
  /**
   * Where the entry stands in the lockfile: offset and length of its key as written. Lazy, because
   * a big lockfile has thousands of entries and only the few AI SDKs among them need a position.
   */
  locate(): { offset: number; length: number } | undefined;
}

export interface LockTree {
  /** The lockfile's path relative to the scan root. */
  file: string;
  /** Its folder relative to the scan root ("" at the root). */
  dir: string;
  entries: LockEntry[];
  /** How the tree was read, for tests and timing notes. */
  source: "arborist-virtual" | "package-lock" | "pnpm-lock" | "yarn-lock";
}

export type LockResult = LockTree | { error: string };

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== "" && p !== ".").join("/");
}
