import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import type { Skipped } from "../types.js";
import type { Candidate, Discovered } from "./index.js";
import { decodeSource } from "./read.js";

const run = promisify(execFile);
const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: "0", LC_ALL: "C" };

export class NotARepositoryError extends Error {
  override name = "NotARepositoryError";
}

async function git(cwd: string, args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd, env: GIT_ENV, maxBuffer: 256 * 1024 * 1024, encoding: "utf8" });
  return stdout;
}

/**
 * The repository's top-level folder, or a clear error when `cwd` is not inside one. Asked once per
 * folder in a process (a pre-commit run asks for the same repository twice; each `git` is ~15 ms),
 * and the top level is its own top level.
 */
export function gitTopLevel(cwd: string): Promise<string> {
  let top = topLevels.get(cwd);
  if (!top) {
    top = git(cwd, ["rev-parse", "--show-toplevel"]).then(
      (out) => {
        const found = out.trim();
        if (!topLevels.has(found)) topLevels.set(found, Promise.resolve(found));
        return found;
      },
      () => {
        throw new NotARepositoryError(`${cwd} is not inside a git repository`);
      },
    );
    topLevels.set(cwd, top);
  }
  return top;
}

const topLevels = new Map<string, Promise<string>>();

function splitZ(out: string): string[] {
  return out.split("\0").filter((s) => s.length > 0);
}

/**
 * The files as they will be committed: names from the index diff, contents from the index blobs,
 * so a partially staged file is judged by its staged half.
 */
export async function discoverStaged(top: string, maxFileSize: (path: string) => number): Promise<Discovered> {
  const names = splitZ(await git(top, ["diff", "--cached", "--name-only", "-z", "--diff-filter=ACMR"])).sort();
  if (names.length === 0) return { candidates: [], skipped: [] };
  const entries = splitZ(await git(top, ["ls-files", "--stage", "-z", "--", ...names.map((n) => `:(literal)${n}`)]));
  const blobs = new Map<string, string>();
  for (const entry of entries) {
    const match = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(entry);
    if (match && match[3] === "0" && match[1] !== "120000" && match[1] !== "160000") blobs.set(match[4]!, match[2]!);
  }
  const skipped: Skipped[] = [];
  const wanted = names.filter((n) => blobs.has(n));
  const contents = await readBlobs(top, wanted.map((n) => blobs.get(n)!));
  const candidates: Candidate[] = [];
  wanted.forEach((path, i) => {
    const blob = contents[i]!;
    if (blob.size > maxFileSize(path)) skipped.push({ file: path, reason: `larger than the size limit (${blob.size} bytes)` });
    else {
      const decoded = decodeSource(path, blob.bytes);
      candidates.push({ path, read: () => decoded });
    }
  });
  return { candidates, skipped };
}

/** One `git cat-file --batch` process for all blobs: a process per file would cost more than the scan. */
function readBlobs(top: string, ids: string[]): Promise<{ size: number; bytes: Uint8Array }[]> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("git", ["cat-file", "--batch"], { cwd: top, env: GIT_ENV, stdio: ["pipe", "pipe", "ignore"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (c: Buffer) => chunks.push(c));
    child.on("error", reject);
    child.on("close", () => {
      const all = Buffer.concat(chunks);
      const out: { size: number; bytes: Uint8Array }[] = [];
      let at = 0;
      for (let i = 0; i < ids.length; i++) {
        const eol = all.indexOf(10, at);
        const header = all.subarray(at, eol).toString("utf8").split(" ");
        const size = Number(header[2] ?? 0);
        out.push({ size, bytes: all.subarray(eol + 1, eol + 1 + size) });
        at = eol + 1 + size + 1;
      }
      resolvePromise(out);
    });
    child.stdin.end(ids.map((id) => `${id}\n`).join(""));
  });
}

/** Files changed between `base` and the working tree, with the line ranges that were added or changed. */
export async function changedLines(top: string, base: string): Promise<Map<string, [number, number][]>> {
  let diff: string;
  try {
    diff = await git(top, ["diff", "--no-color", "--no-ext-diff", "-U0", "--diff-filter=ACMR", "--no-renames", base, "--"]);
  } catch {
    throw new NotARepositoryError(`--changed: '${base}' is not a git revision here`);
  }
  const changed = new Map<string, [number, number][]>();
  let current: [number, number][] | undefined;
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++ ")) {
      const path = line.slice(4).replace(/\t$/, "");
      current = path === "/dev/null" ? undefined : [];
      if (current) changed.set(unquote(path).replace(/^b\//, ""), current);
    } else if (line.startsWith("@@") && current) {
      const match = /\+(\d+)(?:,(\d+))? @@/.exec(line);
      const start = Number(match?.[1] ?? 0);
      const count = Number(match?.[2] ?? 1);
      if (count > 0) current.push([start, start + count - 1]);
    }
  }
  return changed;
}

/** git quotes paths with unusual characters as C strings ("b/caf\303\251.py"). */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const body = path.slice(1, -1);
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch !== "\\") {
      bytes.push(...Buffer.from(ch, "utf8"));
      continue;
    }
    const next = body[++i]!;
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(({ n: 10, t: 9, '"': 34, "\\": 92 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes).toString("utf8");
}
