import { execFile } from "node:child_process";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
import { promisify } from "node:util";
import { gitTopLevel } from "../discover/git.js";
import { EXIT, UsageError } from "./errors.js";

const MARKER = "# installed by modelrisk init-hook";

export function hookScript(failOn: string): string {
  return `#!/bin/sh\n${MARKER}\n# Scans what is staged; blocks the commit when a finding is at or above '${failOn}'.\nexec npx --no-install modelrisk scan --staged --fail-on ${failOn}\n`;
}

/**
 * Writes a git pre-commit hook for people who use no hook manager. An existing hook that is not
 * ours is never replaced without --force, since it may hold someone's work.
 */
export async function runInitHook(options: { failOn?: string; force?: boolean; cwd?: string }): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const top = await gitTopLevel(cwd).catch(() => {
    throw new UsageError("init-hook: not inside a git repository");
  });
  const { stdout } = await promisify(execFile)("git", ["rev-parse", "--git-path", "hooks"], { cwd: top });
  const hooksDir = isAbsolute(stdout.trim()) ? stdout.trim() : join(top, stdout.trim());
  const hook = join(hooksDir, "pre-commit");
  const existing = await readFile(hook, "utf8").catch(() => undefined);
  if (existing !== undefined && !existing.includes(MARKER) && !options.force) {
    throw new UsageError(`init-hook: ${hook} already exists; add 'npx modelrisk scan --staged' to it, or rerun with --force to replace it`);
  }
  await mkdir(hooksDir, { recursive: true });
  await writeFile(hook, hookScript(options.failOn ?? "high"));
  await chmod(hook, 0o755);
  process.stdout.write(`modelrisk: wrote ${hook}\n`);
  return EXIT.ok;
}
