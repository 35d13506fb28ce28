import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress, formatProgress } from "../src/cli/progress.js";

function fakeStream(columns = 80) {
  const writes: string[] = [];
  const stream = { columns, write: (chunk: string) => void writes.push(chunk) } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

afterEach(() => vi.useRealTimers());

describe("createProgress", () => {
  it("draws one line in place and clears it at the end", () => {
    vi.useFakeTimers();
    const { stream, writes } = fakeStream();
    const progress = createProgress(stream, { enabled: true });
    progress.onEvent({ phase: "detect", done: 120, total: 480, file: "src/app.ts" });
    expect(writes).toEqual(["\rdetect 120/480 src/app.ts\x1b[K"]);
    progress.done();
    expect(writes.at(-1)).toBe("\r\x1b[K");
  });

  it("redraws at most ten times a second and draws the latest state late", () => {
    vi.useFakeTimers();
    const { stream, writes } = fakeStream();
    const progress = createProgress(stream, { enabled: true, now: () => Date.now() });
    for (let i = 1; i <= 1000; i++) {
      progress.onEvent({ phase: "discover", done: i, total: 1000 });
      vi.advanceTimersByTime(1);
    }
    // 1000 events over one second: a redraw every 100 ms at most.
    expect(writes.length).toBeLessThanOrEqual(11);
    vi.advanceTimersByTime(200);
    expect(writes.at(-1)).toBe("\rdiscover 1000/1000\x1b[K");
    progress.done();
  });

  it("writes nothing when disabled", () => {
    const { stream, writes } = fakeStream();
    const progress = createProgress(stream, { enabled: false });
    progress.onEvent({ phase: "detect", done: 1, total: 2, file: "a.ts" });
    progress.done();
    expect(writes).toEqual([]);
  });

  it("does not clear a line it never drew, nor draw a pending update after done", () => {
    vi.useFakeTimers();
    const { stream, writes } = fakeStream();
    const progress = createProgress(stream, { enabled: true });
    progress.done();
    expect(writes).toEqual([]);
    progress.onEvent({ phase: "detect", done: 1, total: 9 });
    progress.onEvent({ phase: "detect", done: 2, total: 9 });
    progress.done();
    vi.advanceTimersByTime(500);
    expect(writes).toEqual(["\rdetect 1/9\x1b[K", "\r\x1b[K"]);
  });

  it("keeps the line shorter than the terminal so \\r can redraw it", () => {
    const { stream, writes } = fakeStream(30);
    createProgress(stream, { enabled: true }).onEvent({ phase: "detect", done: 1, total: 2, file: `src/${"deep/".repeat(20)}a.ts` });
    expect(writes[0]!.replace(/^\r|\x1b\[K$/g, "").length).toBe(29);
  });
});

describe("formatProgress", () => {
  it("strips escape sequences from file names", () => {
    expect(formatProgress({ phase: "detect", done: 3, total: 4, file: "src/\x1b]0;pwned\x07x\x1b[2J.py" })).toBe("detect 3/4 src/x.py");
  });

  it("leaves out a count it does not know yet", () => {
    expect(formatProgress({ phase: "discover", done: 0, total: 0 })).toBe("discover");
  });
});
