import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Script } from "node:vm";
import type { ts } from "ts-morph";

/**
 * The TypeScript compiler that ts-morph ships (`@ts-morph/common/dist/typescript.js`, 9 MB of
 * CommonJS). Compiling it took ~300 ms of every scan that reads a JS/TS file, most of a pre-commit
 * run; V8 can start from a code cache instead. The build (`scripts/ts-code-cache.mjs`) writes one
 * next to `dist/`, keyed by this file's identity and the Node version, and any mismatch (a
 * different Node, an updated ts-morph, a cache V8 rejects) falls back to compiling from source.
 */
const fromHere = createRequire(import.meta.url);
export const TYPESCRIPT_FILE: string = createRequire(fromHere.resolve("ts-morph")).resolve("@ts-morph/common/dist/typescript.js");

/** Where the build leaves the code cache: `dist/ts-code-cache/<key>.bin`. */
export const CODE_CACHE_DIR = new URL("../../ts-code-cache/", import.meta.url);

/**
 * Changes whenever the cache could not be used for this file under this Node. npm gives installed
 * files one fixed mtime, so the package's version is part of the key, not only size and mtime.
 */
export function codeCacheKey(): string {
  const { size, mtimeMs } = statSync(TYPESCRIPT_FILE);
  const { version } = JSON.parse(readFileSync(join(dirname(TYPESCRIPT_FILE), "..", "package.json"), "utf8")) as { version?: string };
  const identity = [TYPESCRIPT_FILE, version, size, mtimeMs, process.version, process.arch].join("\0");
  return createHash("sha256").update(identity).digest("hex").slice(0, 24);
}

export interface LoadedTypescript {
  api: typeof ts;
  script: Script;
  /** True when V8 started from the code cache. */
  fromCache: boolean;
}

/** Runs the compiler's module as `require` would, from `cachedData` when V8 accepts it. */
export function loadTypescript(cachedData?: Buffer): LoadedTypescript {
  // The compiler is plain ASCII; read so, V8 gets a one-byte string without a UTF-8 decode of 9 MB.
  const bytes = readFileSync(TYPESCRIPT_FILE);
  const source = isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
  const script = new Script(wrapped, { filename: TYPESCRIPT_FILE, ...(cachedData ? { cachedData } : {}) });
  const mod = { exports: {} as typeof ts };
  (script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(TYPESCRIPT_FILE), mod, TYPESCRIPT_FILE, dirname(TYPESCRIPT_FILE));
  return { api: mod.exports, script, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

/** The code cache the build left for this Node and this compiler, if any. */
export function readCodeCache(): Buffer | undefined {
  try {
    return readFileSync(new URL(`${codeCacheKey()}.bin`, CODE_CACHE_DIR));
  } catch {
    return undefined;
  }
}
