import { render } from "ink";
import type { Report } from "../../types.js";
import { sanitizeReport } from "../sanitize.js";
import type { ReportContext } from "../types.js";
import { App } from "./App.js";

export interface TuiContext extends ReportContext {
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

/** NO_COLOR (https://no-color.org): any non-empty value turns colour off, whatever else says. */
export function isColorAllowed(ctx: Pick<TuiContext, "color" | "env">): boolean {
  const noColor = (ctx.env ?? process.env).NO_COLOR;
  return ctx.color && (noColor === undefined || noColor === "");
}

/**
 * Show the interactive report until the user quits. Loaded only by dynamic import, so other
 * formats never load React or Ink. The CLI, not the UI, decides the exit code afterwards.
 */
export async function runTui(report: Report, ctx: TuiContext): Promise<void> {
  const stdin = ctx.stdin ?? process.stdin;
  const instance = render(<App report={sanitizeReport(report)} color={isColorAllowed(ctx)} width={ctx.width} />, {
    stdin,
    stdout: ctx.stdout ?? process.stdout,
    exitOnCtrlC: true,
    patchConsole: false,
  });
  // Without a keyboard (stdin piped) there is nothing to wait for: draw once and return.
  if (!stdin.isTTY) {
    await new Promise((resolve) => setImmediate(resolve));
    instance.unmount();
  }
  await instance.waitUntilExit();
}
