/**
 * `--cache`: detector results stored by content. A detector's whole batch is one entry, keyed by
 * the tool version, the rules version, the detector and every (path, content hash) it was given, so
 * an entry can only be reused for exactly the input it was computed from: no stale answers, at the
 * price of re-running a detector whose batch changed in any file (detectors follow imports across
 * files, so a per-file key would not be safe).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Mention, Skipped, SourceFile } from "../types.js";

export interface CacheEntry {
  mentions: Mention[];
  skipped: Skipped[];
}

/** `$XDG_CACHE_HOME/modelrisk`, else `~/.cache/modelrisk` (macOS: `~/Library/Caches/modelrisk`). */
export function defaultCacheDir(): string {
  if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, "modelrisk");
  if (process.platform === "darwin") return join(homedir(), "Library", "Caches", "modelrisk");
  if (process.platform === "win32" && process.env.LOCALAPPDATA) return join(process.env.LOCALAPPDATA, "modelrisk", "cache");
  return join(homedir(), ".cache", "modelrisk");
}

export class DetectionCache {
  private readonly hashes = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly salt: string,
  ) {}

  key(detector: string, files: readonly SourceFile[]): string {
    const hash = createHash("sha256").update(this.salt).update("\0").update(detector);
    for (const file of files) hash.update("\0").update(file.path).update("\0").update(this.hashOf(file));
    return hash.digest("hex");
  }

  async read(key: string): Promise<CacheEntry | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.pathOf(key), "utf8")) as CacheEntry;
      return Array.isArray(entry.mentions) && Array.isArray(entry.skipped) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  /** Written to a temporary name and renamed, so a concurrent run never reads half an entry. */
  async write(key: string, entry: CacheEntry): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
      const tmp = `${this.pathOf(key)}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(entry));
      await rename(tmp, this.pathOf(key));
    } catch {
      // A cache that cannot be written only costs speed.
    }
  }

  private hashOf(file: SourceFile): string {
    let hash = this.hashes.get(file.path);
    if (hash === undefined) {
      hash = createHash("sha1").update(file.text).digest("hex");
      this.hashes.set(file.path, hash);
    }
    return hash;
  }

  private pathOf(key: string): string {
    return join(this.dir, `${key.slice(0, 40)}.json`);
  }
}
