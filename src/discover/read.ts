import { constants } from "node:fs";
import { open } from "node:fs/promises";
import type { Skipped, SourceFile } from "../types.js";

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;
/** Notebooks carry their outputs (plots as base64): a few MB is normal, and only the code cells are parsed. */
export const DEFAULT_MAX_NOTEBOOK_SIZE = 20 * 1024 * 1024;

/** The size limit for a path: the user's `--max-file-size` for every file, else a default per kind. */
export function sizeLimit(explicit: number | undefined): (path: string) => number {
  if (explicit !== undefined) return () => explicit;
  return (path) => (/\.ipynb$/i.test(path) ? DEFAULT_MAX_NOTEBOOK_SIZE : DEFAULT_MAX_FILE_SIZE);
}

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/**
 * Turns raw bytes into scannable text, or says why not. The BOM goes (editors do not count it as a
 * column); a NUL byte in the first 8 KiB marks a binary file, as git decides it.
 */
export function decodeSource(path: string, bytes: Uint8Array): SourceFile | Skipped {
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { file: path, reason: "binary file" };
  return { path, text: decoder.decode(bytes) };
}

/**
 * Reads one file within the size limit; a failure is a skip note, never a throw. The size comes from
 * the open handle, so the walk needs no stat per file and a file cannot grow between check and read.
 */
export async function readSource(path: string, absolute: string, maxFileSize: number): Promise<SourceFile | Skipped> {
  let handle;
  try {
    // Non-blocking: should a FIFO slip past the walk's file-type check, opening it cannot hang.
    handle = await open(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = await handle.stat();
    if (!info.isFile()) return { file: path, reason: "not a regular file" };
    if (info.size > maxFileSize) return { file: path, reason: `larger than ${formatBytes(maxFileSize)} (${formatBytes(info.size)})` };
    return decodeSource(path, await handle.readFile());
  } catch (error) {
    return { file: path, reason: `unreadable file (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  } finally {
    await handle?.close();
  }
}

export function isSkipped(value: SourceFile | Skipped): value is Skipped {
  return "reason" in value;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
