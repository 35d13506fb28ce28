import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
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
 * the open descriptor, so the walk needs no stat per file and a file cannot grow between check and read.
 * Synchronous on purpose: for thousands of small files, four plain syscalls each cost a fraction of
 * what promise-based file handles do (two fstats, a thread-pool round trip per call).
 */
export function readSource(path: string, absolute: string, maxFileSize: number): SourceFile | Skipped {
  let fd: number | undefined;
  try {
    // Non-blocking: should a FIFO slip past the walk's file-type check, opening it cannot hang.
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (!info.isFile()) return { file: path, reason: "not a regular file" };
    if (info.size > maxFileSize) return { file: path, reason: tooLarge(maxFileSize, info.size) };
    // The binary test needs the first 8 KiB only: a binary file is never read further.
    if (info.size > HEAD && headIsBinary(fd)) return { file: path, reason: "binary file" };
    const bytes = readBytes(fd, info.size, maxFileSize);
    if (bytes.length > maxFileSize) return { file: path, reason: tooLarge(maxFileSize, bytes.length) };
    return decodeSource(path, bytes);
  } catch (error) {
    return { file: path, reason: `unreadable file (${(error as NodeJS.ErrnoException).code ?? "error"})` };
  } finally {
    if (fd !== undefined) closeDescriptor(fd);
  }
}

export function isSkipped(value: SourceFile | Skipped): value is Skipped {
  return "reason" in value;
}

const HEAD = 8192;
const headBuffer = Buffer.allocUnsafe(HEAD);

/** A NUL byte in the first 8 KiB (read at offset 0, so the full read after it starts over). */
function headIsBinary(fd: number): boolean {
  let total = 0;
  while (total < HEAD) {
    const n = readSync(fd, headBuffer, total, HEAD - total, total);
    if (n === 0) break;
    total += n;
  }
  return headBuffer.subarray(0, total).includes(0);
}

/** Reused for every file up to this size: the bytes only live until they are decoded. */
const SCRATCH_LIMIT = 4 * 1024 * 1024;
let scratch = Buffer.allocUnsafe(64 * 1024);

/** The file's bytes up to the size fstat gave; a file that shrank meanwhile ends early. */
function readBytes(fd: number, size: number, maxFileSize: number): Uint8Array {
  if (size === 0) return readToEnd(fd, maxFileSize + 1);
  if (size > scratch.length && size <= SCRATCH_LIMIT) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
  const buffer = size <= scratch.length ? scratch : Buffer.allocUnsafe(size);
  let total = 0;
  while (total < size) {
    const n = readSync(fd, buffer, total, size - total, total);
    if (n === 0) break;
    total += n;
  }
  return buffer.subarray(0, total);
}

/** Size 0 is usually an empty file, but may be one whose size the kernel does not know: read to the end, up to `cap`. */
function readToEnd(fd: number, cap: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < cap) {
    const n = readSync(fd, scratch, 0, Math.min(scratch.length, cap - total), null);
    if (n === 0) break;
    chunks.push(Buffer.from(scratch.subarray(0, n)));
    total += n;
  }
  return Buffer.concat(chunks, total);
}

function closeDescriptor(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // The bytes are already read; a failing close changes nothing about the file's contents.
  }
}

function tooLarge(limit: number, size: number): string {
  return `larger than ${formatBytes(limit)} (${formatBytes(size)})`;
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
