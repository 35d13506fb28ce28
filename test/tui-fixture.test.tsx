import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render } from "ink-testing-library";
import { configDetector } from "../src/detect/config/index.js";
import { sanitizeReport } from "../src/report/sanitize.js";
import { formatText } from "../src/report/text.js";
import { App } from "../src/report/tui/App.js";
import { scan } from "../src/scan.js";
import type { ModelMention, Report } from "../src/types.js";
import { buildUnscoredReport, ref, sampleContext } from "./helpers/sample-report.js";
import { makeContext } from "./helpers/context.js";

const ROOT = "fixtures/escape-sequences";
const TERMINAL_CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

afterEach(() => cleanup());

function renderBoth(report: Report): { text: string; frames: string[] } {
  const ui = render(<App report={sanitizeReport(report)} color={false} width={80} height={40} />);
  ui.stdin.write("\r");
  return { text: formatText(report, sampleContext()), frames: [...ui.frames] };
}

describe("fixture escape-sequences", () => {
  it("the config detector hands the hostile id over as written", async () => {
    const text = readFileSync(`${ROOT}/config.json`, "utf8");
    const [mention] = (await configDetector.detect([{ path: "config.json", text }], makeContext())) as ModelMention[];
    expect(mention?.value).toContain("\x1b]8;;https://evil.example/\x07");

    const report = buildUnscoredReport();
    report.models[0] = { ...report.models[0]!, id: mention!.value, references: [ref("config.json", mention!.line, mention!.column, mention!.value)] };
    const { text: out, frames } = renderBoth(report);
    expect(out).toContain("acme/support-bot");
    expect(out).toContain("config.json:2:12");
    expect(out).not.toMatch(TERMINAL_CONTROL);
    expect(frames.join("\n")).toContain("acme/support-bot");
    for (const frame of frames) expect(frame).not.toMatch(TERMINAL_CONTROL);
  });

  it("a real scan of the fixture prints the ids stripped, in text and in the UI", async () => {
    const scanned = await scan({ root: ROOT, asOf: "2026-11-28" });
    expect(scanned.models.some((m) => m.id.includes("\x1b"))).toBe(true);
    const { text: out, frames } = renderBoth(scanned);
    expect(out).toContain("acme/support-bot");
    expect(out).not.toMatch(TERMINAL_CONTROL);
    for (const frame of frames) expect(frame).not.toMatch(TERMINAL_CONTROL);
  });
});
