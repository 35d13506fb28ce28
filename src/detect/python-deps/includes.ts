import { readFile, realpath, stat } from "node:fs/promises";
import { join, posix, sep } from "node:path";
import type { DetectContext, SourceFile } from "../../types.js";
import { readRequirements } from "./requirements.js";

const MAX_INCLUDES = 50;
const MAX_INCLUDE_CHARS = 1_000_000;

/**
 * Follows `-r other.txt` includes from a requirements file. A file the scan already has is read there
 * (and not twice); any other one is read from disk, but only inside the scan root and only when the scan
 * is of the disk (ctx.root). Includes that leave the root are noted and not read.
 */
export async function readIncluded(
  from: string,
  includes: readonly string[],
  given: ReadonlyMap<string, SourceFile>,
  ctx: DetectContext,
  visited = new Set<string>([from]),
): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const include of includes) {
    const folder = from.includes("/") ? from.slice(0, from.lastIndexOf("/")) : ".";
    const path = posix.normalize(posix.join(folder, include));
    if (visited.has(path) || visited.size > MAX_INCLUDES) continue;
    visited.add(path);
    if (path.startsWith("../") || path === ".." || posix.isAbsolute(include)) {
      ctx.skip(from, `-r ${include}: outside the scanned root, not read`);
      continue;
    }
    if (given.has(path)) continue;
    const text = ctx.root === undefined ? undefined : await readInsideRoot(ctx.root, path);
    if (text === undefined) {
      ctx.skip(from, `-r ${include}: not found in the scan`);
      continue;
    }
    out.push({ path, text });
    out.push(...(await readIncluded(path, readRequirements(text).includes, given, ctx, visited)));
  }
  return out;
}

async function readInsideRoot(root: string, path: string): Promise<string | undefined> {
  const realRoot = await realpath(root).catch(() => undefined);
  const real = await realpath(join(root, path)).catch(() => undefined);
  if (!realRoot || !real || !real.startsWith(realRoot + sep)) return undefined;
  // Only a regular file of bounded size: opening a FIFO blocks forever, and /dev-like files never end.
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_INCLUDE_CHARS * 4) return undefined;
  const text = await readFile(real, "utf8").catch(() => undefined);
  // Same bound the discover stage puts on scanned files: a huge or binary include is not a requirements file.
  return text === undefined || text.length > MAX_INCLUDE_CHARS || text.includes("\0") ? undefined : text;
}
