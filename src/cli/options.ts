import { FORMATS, type Format } from "../report/types.js";
import { LEVELS, type Level } from "../types.js";
import { UsageError } from "./errors.js";

export function parseDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(`${value}T00:00:00Z`) : undefined;
  if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--as-of: '${value}' is not a date (YYYY-MM-DD)`);
  }
  return value;
}

export function parseFormat(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) {
    throw new UsageError(`--format: '${value}' is not one of ${FORMATS.join(", ")}`);
  }
  return value as Format;
}

export function parseLevel(flag: string, value: string): Level {
  if (!(LEVELS as readonly string[]).includes(value)) {
    throw new UsageError(`${flag}: '${value}' is not one of ${LEVELS.join(", ")}`);
  }
  return value as Level;
}

/** `500000`, `512kb`, `5mb` → bytes. */
export function parseSize(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--max-file-size: '${value}' is not a size (e.g. 2mb, 500kb)`);
  const unit = (match[2] ?? "b").toLowerCase()[0];
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Math.round(Number(match[1]) * factor);
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers: '${value}' is not a number of threads (1–64)`);
  return n;
}
