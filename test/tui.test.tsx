import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";

// Ink draws only the last frame when it thinks it runs in CI (`is-in-ci`, read when Ink loads), and
// CI runs these tests with CI=true: the UI under test is the interactive one, so say we are not in CI.
vi.hoisted(() => {
  process.env.CI = "0";
});
import { cleanup, render } from "ink-testing-library";
import { App } from "../src/report/tui/App.js";
import { isColorAllowed, runTui } from "../src/report/tui/index.js";
import { sanitizeReport } from "../src/report/sanitize.js";
import type { Report } from "../src/types.js";
import { buildSampleReport, buildUnscoredReport, sampleContext } from "./helpers/sample-report.js";

const DOWN = "\u001B[B";
const UP = "\u001B[A";
const ENTER = "\r";
const ESC = "\u001B";

/** Ink reads keys on the next turn, and flushes a lone ESC one turn later still. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 25));

function show(report: Report = buildSampleReport(), props: { width?: number; height?: number; color?: boolean } = {}) {
  const ui = render(<App report={sanitizeReport(report)} color={props.color ?? false} width={props.width ?? 80} height={props.height ?? 40} />);
  const press = async (...keys: string[]) => {
    for (const key of keys) {
      ui.stdin.write(key);
      await settle();
    }
  };
  const frame = () => ui.lastFrame() ?? "";
  const selectedRow = () => frame().split("\n").find((line) => line.startsWith("›")) ?? "";
  return { ...ui, press, frame, selectedRow };
}

/** Table rows: the selection marker column, then a model id (not the header or the pager line). */
const modelRows = (frame: string) =>
  frame.split("\n").filter((line) => /^[› ] \S/.test(line) && !line.includes("MODEL") && !/ of \d+$/.test(line));

afterEach(() => cleanup());

describe("main view", () => {
  it("shows the gauge, the models by score, the concentration chart and the keys", () => {
    const frame = show().frame();
    expect(frame).toMatch(/^modelrisk 0\.1\.0 +as of 2026-11-28$/m);
    expect(frame).toMatch(/^Project risk █+░+ 72\/100 high$/m);
    expect(frame).toContain("6 models · 8 references · 5 findings · 2 providers · 42 files");
    expect(modelRows(frame).map((row) => row.slice(2).split(/\s+/)[0])).toEqual([
      "runwayml/stable-diffu…",
      "text-davinci-003",
      "meta-llama/Llama-2-7b…",
      "acme/support-bot-v3",
      "gpt-4o",
      "Xenova/all-MiniLM-L6-…",
    ]);
    expect(frame).toMatch(/^› runwayml\/stable-diffu… huggingface weights restricted {2}critical █{4}░ {2}81 {4}2$/m);
    expect(frame).toMatch(/^Hosts \(HHI 0\.53\) +Vendors \(HHI 0\.25\)$/m);
    expect(frame).toMatch(/^huggingface\.co █+░+ {2}63% {2}openai +█+░+ {2}38%$/m);
    expect(frame).toContain("↑↓ j/k move · Enter details · / filter · f min level · q quit");
    for (const line of frame.split("\n")) expect([...line].length).toBeLessThanOrEqual(80);
  });

  it("says 'not scored' when the risk engine has not run", () => {
    const frame = show(buildUnscoredReport()).frame();
    expect(frame).toContain("Project risk: not scored");
    expect(frame).toContain("Concentration: not assessed");
    expect(frame).toMatch(/^› Xenova\/all-MiniLM-L6-… .* — {16}— {4}1$/m);
    expect(frame).not.toMatch(/undefined|NaN/);
  });
});

describe("keys", () => {
  it("moves the selection with the arrows and j/k, within bounds", async () => {
    const ui = show();
    await ui.press(DOWN);
    expect(ui.selectedRow()).toMatch(/^› text-davinci-003/);
    await ui.press("j", "j");
    expect(ui.selectedRow()).toMatch(/^› acme\/support-bot-v3/);
    await ui.press("k");
    expect(ui.selectedRow()).toMatch(/^› meta-llama/);
    await ui.press(UP, UP, UP, "k");
    expect(ui.selectedRow()).toMatch(/^› runwayml/);
    await ui.press(..."jjjjjjjjj");
    expect(ui.selectedRow()).toMatch(/^› Xenova/);
  });

  it("opens the detail pane with Enter and closes it with Enter or Esc", async () => {
    const ui = show();
    await ui.press("j", ENTER);
    const detail = ui.frame();
    expect(detail).toMatch(/^text-davinci-003 +high 76$/m);
    expect(detail).toContain("openai · api · license openai-terms (proprietary-terms)");
    expect(detail).toContain("lifecycle: retired (retires 2024-01-04)");
    expect(detail).toMatch(/^ {2}retirement {3}0\.40 × 1\.00 {2}retired on 2024-01-04; requests fail$/m);
    expect(detail).toContain("    source https://github.com/deepset-ai/haystack/issues/6660");
    expect(detail).toContain("  src/legacy/complete.ts:9:14  via completions.create");
    expect(detail).toContain("  high retired-model  text-davinci-003 was retired on 2024-01-04");
    expect(detail).toContain("    fix: switch to gpt-3.5-turbo-instruct");
    expect(detail).toContain("  replacement: gpt-3.5-turbo-instruct");
    expect(detail).not.toContain("MODEL");
    await ui.press(ENTER);
    expect(ui.frame()).toContain("MODEL");
    await ui.press(ENTER, ESC);
    expect(ui.frame()).toContain("MODEL");
    expect(ui.selectedRow()).toMatch(/^› text-davinci-003/);
  });

  it("lists every reference of a model in the detail pane", async () => {
    const ui = show();
    await ui.press(ENTER);
    expect(ui.frame()).toContain("References (2)\n  notebooks/demo.ipynb:4:18  via from_pretrained\n  src/generate.py:12:9  via from_pretrained");
    expect(ui.frame()).toContain("    fix: load stable-diffusion-v1-5/stable-diffusion-v1-5");
  });

  it("filters by text with / and keeps the filter on Enter", async () => {
    const ui = show();
    await ui.press("/", ..."LLAMA");
    expect(ui.frame()).toContain("filter: LLAMA▏ Enter keep · Esc clear");
    expect(modelRows(ui.frame())).toHaveLength(1);
    await ui.press(ENTER);
    expect(ui.selectedRow()).toMatch(/^› meta-llama\/Llama-2-7b…/);
    expect(ui.frame()).toContain("“LLAMA”");
    await ui.press("/", "\u007F", "\u007F", "\u007F", "\u007F", "\u007F", ..."openai", ENTER);
    expect(modelRows(ui.frame()).map((r) => r.slice(2, 18).trim())).toEqual(["text-davinci-003", "gpt-4o"]);
  });

  it("keeps up with keys typed faster than it renders", async () => {
    const ui = show();
    for (const key of ["/", ..."gpt", ENTER, "j", "k", "j"]) ui.stdin.write(key);
    await settle();
    expect(ui.frame()).toContain("“gpt”");
    expect(modelRows(ui.frame())).toHaveLength(1);
    expect(ui.selectedRow()).toMatch(/^› gpt-4o/);
  });

  it("splits keys that arrive in one chunk", async () => {
    const ui = show();
    await ui.press("/lla\r");
    expect(modelRows(ui.frame())).toHaveLength(1);
    await ui.press("/\u007F\u007F\u007F\r", "fff");
    expect(ui.frame()).toContain("≥ high");
    expect(modelRows(ui.frame())).toHaveLength(2);
  });

  it("clears the filter on Esc while typing", async () => {
    const ui = show();
    await ui.press("/", ..."zzz");
    expect(ui.frame()).toContain("No models match the filter.");
    await ui.press(ESC);
    expect(modelRows(ui.frame())).toHaveLength(6);
  });

  it("cycles the minimum level with f", async () => {
    const ui = show();
    const levels: number[] = [];
    for (let i = 0; i < 5; i++) {
      await ui.press("f");
      levels.push(modelRows(ui.frame()).length);
    }
    // low, medium, high, critical, back to none.
    expect(levels).toEqual([5, 4, 2, 1, 6]);
  });
});

describe("narrow terminals and colour", () => {
  it("drops columns and truncates ids to fit 40 columns", () => {
    const frame = show(buildSampleReport(), { width: 40 }).frame();
    for (const line of frame.split("\n")) expect([...line].length).toBeLessThanOrEqual(40);
    expect(frame).toContain("  MODEL                LEVEL    SCR REFS");
    expect(frame).toContain("› runwayml/stable-dif… critical  81    2");
    expect(frame).not.toContain("PROVIDER");
    expect(frame).toContain("↑↓jk ⏎ / f q");
  });

  it("keeps the detail pane inside 40 columns", async () => {
    const ui = show(buildSampleReport(), { width: 40 });
    await ui.press(ENTER);
    for (const line of ui.frame().split("\n")) expect([...line].length).toBeLessThanOrEqual(40);
    expect(ui.frame()).toContain("    Runway deleted its Hugging Face");
  });

  it("scrolls the table when the terminal is short", async () => {
    const ui = show(buildSampleReport(), { height: 18 });
    expect(modelRows(ui.frame())).toHaveLength(3);
    expect(ui.frame()).toContain("  1–3 of 6");
    await ui.press(..."jjjjj");
    expect(ui.selectedRow()).toMatch(/^› Xenova/);
    expect(ui.frame()).toContain("  4–6 of 6");
  });

  it("writes no escape code at all when colour is off", async () => {
    const ui = show();
    await ui.press("j", ENTER, ENTER, "f", "/", "g", ENTER);
    expect(ui.frames.length).toBeGreaterThan(3);
    for (const frame of ui.frames) expect(frame).not.toContain(ESC);
  });

  it("honours NO_COLOR over a colour-capable context", () => {
    expect(isColorAllowed({ color: true, env: {} })).toBe(true);
    expect(isColorAllowed({ color: true, env: { NO_COLOR: "1" } })).toBe(false);
    expect(isColorAllowed({ color: true, env: { NO_COLOR: "" } })).toBe(true);
    expect(isColorAllowed({ color: false, env: {} })).toBe(false);
  });
});

class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 40;
  isTTY = true;
  output = "";
  write = (chunk: string) => {
    this.output += chunk;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  private pending: string | null = null;
  constructor(readonly isTTY: boolean) {
    super();
  }
  send(data: string) {
    this.pending = data;
    this.emit("readable");
  }
  read = () => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

function startTui(report: Report, options: { isTTY: boolean; env?: NodeJS.ProcessEnv }) {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin(options.isTTY);
  const done = runTui(report, {
    ...sampleContext({ color: true }),
    env: options.env ?? {},
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
  });
  return { stdout, stdin, done };
}

describe("runTui", () => {
  it("returns when q is pressed", async () => {
    const tui = startTui(buildSampleReport(), { isTTY: true });
    await settle();
    expect(tui.stdout.output).toContain("runwayml/stable-diffu…");
    tui.stdin.send("q");
    await expect(tui.done).resolves.toBeUndefined();
  });

  it("returns when Esc is pressed on the main view", async () => {
    const tui = startTui(buildSampleReport(), { isTTY: true });
    await settle();
    tui.stdin.send(ESC);
    await expect(tui.done).resolves.toBeUndefined();
  });

  it("draws once and returns when there is no keyboard", async () => {
    const tui = startTui(buildSampleReport(), { isTTY: false, env: { NO_COLOR: "1" } });
    await tui.done;
    expect(tui.stdout.output).toContain("text-davinci-003");
    expect(tui.stdout.output).not.toMatch(/\x1b\[[0-9;]*m/);
  });

  it("strips escape sequences in a model id before they reach the terminal", async () => {
    const report = buildSampleReport();
    const model = report.models.find((m) => m.id === "gpt-4o")!;
    model.id = "evil\x1b[2J\x1b]0;pwned\x07/model\u202e";
    model.references[0]!.file = "src/\x1b]8;;https://evil.example/\x07chat\x1b]8;;\x07.ts";
    report.findings.find((f) => f.model === "gpt-4o")!.model = model.id;
    const tui = startTui(report, { isTTY: true, env: { NO_COLOR: "1" } });
    await settle();
    tui.stdin.send("k");
    for (let i = 0; i < 4; i++) {
      tui.stdin.send("j");
      await settle();
    }
    tui.stdin.send(ENTER);
    await settle();
    tui.stdin.send("q");
    await tui.done;
    const out = tui.stdout.output;
    expect(out).toContain("evil/model");
    expect(out).toContain("src/chat.ts:18:12");
    expect(out).not.toMatch(/\x1b\[2J|\x1b\]|\x07|\u202e|pwned/);
  });
});
