import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sanitizeReport, sanitizeTerminal } from "../src/report/sanitize.js";
import { buildSampleReport } from "./helpers/sample-report.js";

const UNSAFE = /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Text mixed with pieces of escape sequences, so the generator hits the interesting shapes often. */
const hostile = fc
  .array(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 8 }),
      fc.constantFrom("\x1b", "\x1b[", "\x1b]", "\x1bP", "\x1b_", "\x9b", "\x9d", "\x90", "\x07", "\x1b\\", "\x9c", "31m", "2J", ";", "\u202e", "\u2066", "\n", "\r", "\t"),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(""));

describe("sanitizeTerminal", () => {
  it.each([
    ["CSI clear screen", "evil\x1b[2J/model", "evil/model"],
    ["SGR colour", "\x1b[1;31mred\x1b[0m", "red"],
    ["OSC title with BEL", "\x1b]0;pwned\x07org/model", "org/model"],
    ["OSC 8 link with ST", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\", "click"],
    ["unterminated OSC runs to the end", "org/model\x1b]0;title", "org/model"],
    ["8-bit CSI", "a\x9b31mb", "ab"],
    ["8-bit OSC with 8-bit ST", "a\x9d0;t\x9cb", "ab"],
    ["DCS with ST", "\x1bPq#0;2;0;0;0\x1b\\x", "x"],
    ["charset selection", "\x1b(Bgpt-4o", "gpt-4o"],
    ["lone ESC", "gpt\x1b", "gpt"],
    ["bidi override and isolate", "abc\u202edef\u2066g\u2069", "abcdefg"],
    ["newlines and tabs become spaces", "a\nb\tc\r\nd", "a b c  d"],
    ["NUL, BEL, DEL, C1 NEL", "a\x00b\x07c\x7fd\x85e", "abcd e"],
  ])("strips %s", (_, input, expected) => {
    expect(sanitizeTerminal(input)).toBe(expected);
  });

  it("keeps printable Unicode as it is", () => {
    const text = "Qwen/通义千问-7B · café 🚀 Ünïcödé";
    expect(sanitizeTerminal(text)).toBe(text);
  });

  it("never leaves ESC, C0/C1 controls or bidi controls", () => {
    fc.assert(fc.property(hostile, (s) => !UNSAFE.test(sanitizeTerminal(s))), { numRuns: 2000 });
  });

  it("is idempotent", () => {
    fc.assert(fc.property(hostile, (s) => sanitizeTerminal(sanitizeTerminal(s)) === sanitizeTerminal(s)), { numRuns: 1000 });
  });

  it("leaves strings without control characters unchanged", () => {
    const clean = fc.string({ unit: "binary" }).map((s) => s.replace(new RegExp(UNSAFE.source, "g"), "").replace(/[\u2028\u2029]/g, ""));
    fc.assert(fc.property(clean, (s) => sanitizeTerminal(s) === s));
  });
});

describe("sanitizeReport", () => {
  it("cleans every string, record keys included, without touching the input", () => {
    const report = buildSampleReport();
    report.models[0]!.id = "evil\x1b[2J/model";
    report.models[0]!.references[0]!.file = "src/\x1b]0;t\x07a.py";
    report.concentration!.hosts["evil\x1b[31m.example"] = 0.1;
    const cleaned = sanitizeReport(report);
    expect(cleaned.models[0]!.id).toBe("evil/model");
    expect(cleaned.models[0]!.references[0]!.file).toBe("src/a.py");
    expect(Object.keys(cleaned.concentration!.hosts)).toContain("evil.example");
    expect(cleaned.summary).toEqual(report.summary);
    expect(report.models[0]!.id).toBe("evil\x1b[2J/model");
    expect(JSON.stringify(cleaned)).not.toMatch(/\\u001b/);
  });
});
