import { sanitizeTerminal } from "../report/sanitize.js";
import type { ScanEvent } from "../types.js";

export interface Progress {
  onEvent(event: ScanEvent): void;
  /** Clear the line; call before anything else is written to the stream. */
  done(): void;
}

export interface ProgressOptions {
  /** The CLI enables it only on a TTY, without --quiet, outside CI. */
  enabled: boolean;
  /** Minimum time between redraws; 100 ms keeps it at ≤ 10 redraws a second. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * One status line (`detect 120/480 src/app.ts`) redrawn in place with `\r`. Scans emit an event per
 * file, far more than a terminal needs, so redraws are throttled and the last state is drawn late.
 */
export function createProgress(stream: NodeJS.WriteStream, options: ProgressOptions): Progress {
  if (!options.enabled) return { onEvent: () => {}, done: () => {} };
  const interval = options.intervalMs ?? 100;
  const now = options.now ?? Date.now;
  let lastDraw = -Infinity;
  let pending: ScanEvent | undefined;
  let timer: NodeJS.Timeout | undefined;
  let isDrawn = false;

  const draw = (event: ScanEvent) => {
    // A line longer than the terminal wraps, and `\r` would then redraw only its last row.
    const width = Math.max(10, (stream.columns || 80) - 1);
    stream.write(`\r${formatProgress(event).slice(0, width)}\x1b[K`);
    lastDraw = now();
    isDrawn = true;
    pending = undefined;
  };

  return {
    onEvent(event) {
      pending = event;
      const wait = lastDraw + interval - now();
      if (wait <= 0) draw(event);
      else if (timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          if (pending) draw(pending);
        }, wait);
        timer.unref();
      }
    },
    done() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      if (isDrawn) stream.write("\r\x1b[K");
      isDrawn = false;
    },
  };
}

export function formatProgress(event: ScanEvent): string {
  const count = event.total > 0 ? ` ${event.done}/${event.total}` : "";
  const file = event.file ? ` ${sanitizeTerminal(event.file)}` : "";
  return `${event.phase}${count}${file}`;
}
