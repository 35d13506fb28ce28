/**
 * Strings from scanned files cannot forge or escape any output: model ids and file names carrying
 * terminal control sequences, markdown/HTML and JSON break-outs (fixtures/hostile/escapes and odd
 * file names from scripts/make-hostile.mjs) go through every reporter.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMITTED } from "../scripts/make-hostile.mjs";
import { loadReporter } from "../src/report/index.js";
import type { ReportContext } from "../src/report/types.js";
import { loadRules } from "../src/rules/load.js";
import { scanDetailed, type ScanResult } from "../src/scan.js";

const TERMINAL_ID = "\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b]8;;https://evil.example/\u0007click\u001b]8;;\u0007\u001b[31mred";
const NAMES = ["esc\u001b[31m.py", "md|`[x](y)`.py", "new\nline.py", "<img src=x onerror=alert(1)>.py"];
let dir: string;
let result: ScanResult;
let ctx: ReportContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "modelrisk-escapes-"));
  cpSync(join(COMMITTED, "escapes"), dir, { recursive: true });
  mkdirSync(join(dir, "names"));
  for (const name of NAMES) writeFileSync(join(dir, "names", name), "m = AutoModel.from_pretrained(\"gpt2\")\n");
  const db = await loadRules();
  result = await scanDetailed({ root: dir, asOf: "2026-11-28", db });
  ctx = { findingRules: [...db.findingRules.values()], rootPrefix: "", readSource: result.sourceOf, color: false, width: 120 };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const render = async (format: "text" | "markdown" | "json" | "sarif" | "cyclonedx", color = false) =>
  (await loadReporter(format))(result.report, { ...ctx, color });

describe("hostile strings in every output", () => {
  it("the corpus does carry them into the report", () => {
    const ids = result.report.models.map((m) => m.id);
    expect(ids).toContain(TERMINAL_ID);
    const files = result.report.models.flatMap((m) => m.references.map((r) => r.file));
    for (const name of NAMES) expect(files).toContain(`names/${name}`);
  });

  it.each([false, true])("text (color %s): no control sequence from the input reaches the terminal", async (color) => {
    const text = await render("text", color);
    // Only the reporter's own SGR colour codes may remain; no OSC, no cursor moves, no BEL, no C1, no bidi.
    const withoutOwnColour = text.replace(/\u001b\[[0-9;]*m/g, "");
    expect(withoutOwnColour).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(text).not.toContain("\u001b]");
    expect(text).not.toContain("\u001b[2J");
    // A file name with a newline cannot start a forged line of its own.
    expect(text.split("\n").some((line) => line.startsWith("line.py"))).toBe(false);
  });

  it("markdown: no raw HTML, table cells cannot be split, no live link or image from the input", async () => {
    const md = await render("markdown");
    expect(md).not.toMatch(/<script|<img|onerror=alert\(1\)>/i);
    expect(md).not.toMatch(/\u001b|\u0007/);
    expect(md).not.toContain("](y)`.py");
    expect(md).not.toMatch(/^line\.py/m);
    for (const row of md.split("\n").filter((l) => l.includes("md") && l.includes(".py") && l.startsWith("|"))) {
      const header = md.split("\n").find((l) => l.startsWith("|") && md.indexOf(l) < md.indexOf(row));
      expect(row.split(/(?<!\\)\|/).length, row).toBe(header!.split(/(?<!\\)\|/).length);
    }
  });

  it.each(["json", "sarif", "cyclonedx"] as const)("%s: valid JSON that keeps the raw text and adds no key", async (format) => {
    const out = await render(format);
    const parsed = JSON.parse(out);
    expect(out).not.toMatch(/[\u0000-\u001f](?<!\n)/); // raw control characters only as \u escapes
    const strings: string[] = [];
    const keys = new Set<string>();
    (function walk(v: unknown): void {
      if (typeof v === "string") strings.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) (keys.add(k), walk(x));
    })(parsed);
    expect(keys.has("injected")).toBe(false);
    if (format === "json") {
      expect(strings).toContain(TERMINAL_ID);
      expect(strings).toContain("names/new\nline.py");
    } else {
      expect(strings.some((s) => s.includes("pwned"))).toBe(true);
    }
  });
});
