import { open } from "node:fs/promises";
import type { Skipped, SourceFile } from "../types.js";

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

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

/** Reads one file within the size limit; a failure is a skip note, never a throw. */
export async function readSource(
  path: string,
  absolute: string,
  size: number,
  maxFileSize: number,
): Promise<SourceFile | Skipped> {
  if (size > maxFileSize) return { file: path, reason: `larger than ${formatBytes(maxFileSize)} (${formatBytes(size)})` };
  let handle;
  try {
    handle = await open(absolute, "r");
    const bytes = await handle.readFile();
    return decodeSource(path, bytes);
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
