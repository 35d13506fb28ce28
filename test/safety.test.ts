/**
 * Safety guarantees, through the built CLI in child processes: no network and no programs but git
 * (test/helpers/no-network.mjs traps them), nothing of the scanned project executed, imported or
 * installed (marker files never appear), nothing outside the root read, bounded memory, unreadable
 * files noted when the scan runs as an unprivileged user.
 */
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMITTED, makeHostile, OUTSIDE_MARKER } from "../scripts/make-hostile.mjs";

const CLI = resolve("dist/cli/main.js");
const TRAP = resolve("test/helpers/no-network.mjs");
let dir: string;
let root: string;
let outside: string;

/** Builds dist when a source file is newer than the CLI, so the test never runs stale code. */
function ensureBuilt(): void {
  const newest = (d: string): number =>
    Math.max(...readdirSync(d, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(d, e.name)) : statSync(join(d, e.name)).mtimeMs)));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest("src")) return;
  spawnSync("npx", ["tsc", "-p", "tsconfig.json"], { stdio: "ignore" });
}

function runCli(args: string[], options: SpawnSyncOptions & { trapLog?: string } = {}) {
  const env = { ...process.env, NO_COLOR: "1", ...(options.trapLog ? { MODELRISK_TRAP_LOG: options.trapLog } : {}) };
  const result = spawnSync(process.execPath, ["--import", TRAP, CLI, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024, timeout: 120_000, env, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Files under `d`, symlinks not followed (the corpus has loops that a recursive readdir would chase). */
function filesUnder(d: string): string[] {
  return spawnSync("find", [d, "-name", "PWNED*"], { encoding: "utf8" }).stdout.split("\n").filter(Boolean);
}

beforeAll(() => {
  ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "modelrisk-safety-"));
  ({ root, outside } = makeHostile(join(dir, "repo"), { large: false }));
}, 120_000);

afterAll(() => {
  for (const d of [dir, outside]) {
    spawnSync("chmod", ["-R", "u+rwx", d]);
    rmSync(d, { recursive: true, force: true });
  }
});

describe("a scan of the hostile corpus under the network/process trap", () => {
  for (const format of ["json", "sarif", "cyclonedx", "markdown", "text"]) {
    it(`--format ${format}: no network, no process, nothing run, nothing from outside`, () => {
      const trapLog = join(dir, `trap-${format}.log`);
      const run = runCli(["scan", root, "--format", format, "--as-of", "2026-11-28"], { trapLog });
      expect(run.status, run.stderr).toBe(0);
      expect(existsSync(trapLog) ? readFileSync(trapLog, "utf8") : "").toBe("");
      expect(run.stderr).not.toContain("modelrisk-trap");
      expect(filesUnder(root).filter((f) => f.includes("PWNED"))).toEqual([]);
      expect(run.stdout.includes(OUTSIDE_MARKER)).toBe(false);
    });
  }

  it("the trap itself works: a fetch in the preloaded process is recorded and fails", () => {
    const trapLog = join(dir, "trap-self.log");
    const result = spawnSync(process.execPath, ["--import", TRAP, "-e", "fetch('https://example.com').catch(() => process.exit(3))"], {
      env: { ...process.env, MODELRISK_TRAP_LOG: trapLog }, encoding: "utf8",
    });
    expect(result.status).toBe(3);
    expect(readFileSync(trapLog, "utf8")).toContain("\"api\":\"fetch\"");
  });
});

describe("the project is never executed, imported or installed", () => {
  it("leaves no marker from postinstall, setup.py, conftest.py, imports or local dependencies", () => {
    const project = join(dir, "evil");
    cpSync(join(COMMITTED, "evil-scripts"), project, { recursive: true });
    const run = runCli(["scan", project, "--format", "json", "--as-of", "2026-11-28"]);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    // It did read the project: the SDK dependency and the model calls are found.
    expect(report.providers.map((p: { id: string }) => p.id)).toContain("openai");
    expect(report.models.map((m: { id: string }) => m.id)).toEqual(expect.arrayContaining(["gpt-4o", "gpt-4o-mini"]));
    expect(filesUnder(project).filter((f) => f.includes("PWNED"))).toEqual([]);
    expect(existsSync(join(project, "node_modules"))).toBe(false);
  });
});

describe("nothing outside the root is read", () => {
  it("includes that leave the root are noted, not read (-r ../x, -r /etc/passwd)", () => {
    const run = runCli(["scan", join(root, "includes/app"), "--format", "json", "--as-of", "2026-11-28"]);
    const report = JSON.parse(run.stdout);
    const reasons = report.skipped.map((s: { reason: string }) => s.reason).join("\n");
    expect(reasons).toMatch(/-r \.\.\/base\.txt: outside the scanned root/);
    expect(reasons).toMatch(/etc\/passwd: outside the scanned root/);
    expect(report.providers.map((p: { id: string }) => p.id)).not.toContain("flask");
  });

  it("an explicit --config outside the root is read (the user named it)", () => {
    const policy = join(outside, "policy.yaml");
    writeFileSync(policy, "failOn: low\n");
    const run = runCli(["scan", join(root, "endings"), "--config", policy, "--format", "json", "--as-of", "2026-11-28"]);
    expect(run.status, run.stderr).toBe(1);
  });

  it("a .modelrisk.yaml symlinked out of the root is not read, and the report says so", () => {
    const project = join(dir, "policy-link");
    cpSync(join(root, "endings"), project, { recursive: true });
    writeFileSync(join(outside, "evil-policy.yaml"), "failOn: low\n");
    symlinkSync(join(outside, "evil-policy.yaml"), join(project, ".modelrisk.yaml"));
    const run = runCli(["scan", project, "--format", "json", "--as-of", "2026-11-28"]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).skipped).toContainEqual({
      file: ".modelrisk.yaml", reason: "symlink: points outside the scanned root; policy not read",
    });
  });
});

describe("unreadable files, as an unprivileged user", () => {
  it.runIf(process.getuid?.() === 0)("notes an unreadable file and folder instead of failing", () => {
    spawnSync("chmod", ["-R", "a+rX", dir]);
    chmodSync(join(root, "unreadable/secret.yaml"), 0o000);
    chmodSync(join(root, "unreadable/locked-dir"), 0o000);
    const run = runCli(["scan", join(root, "unreadable"), "--format", "json", "--as-of", "2026-11-28"], { uid: 65534, gid: 65534 });
    expect(run.status, run.stderr).toBe(0);
    const skipped = JSON.parse(run.stdout).skipped;
    expect(skipped).toContainEqual({ file: "secret.yaml", reason: expect.stringMatching(/unreadable file \(EACCES\)/) });
    expect(skipped).toContainEqual({ file: "locked-dir", reason: expect.stringMatching(/unreadable folder \(EACCES\)/) });
  });
});

describe("memory stays bounded", () => {
  it("a scan of the full corpus (20 MB bundle, 100k-deep JSON, YAML bomb) grows RSS by < 400 MB", () => {
    const big = makeHostile(join(dir, "big"), { large: true, outside });
    const script = `
      const before = process.memoryUsage().rss;
      const { scan } = await import(${JSON.stringify(resolve("dist/scan.js"))});
      const report = await scan({ root: ${JSON.stringify(big.root)}, asOf: "2026-11-28" });
      const peak = process.resourceUsage().maxRSS * 1024;
      console.log(JSON.stringify({ before, peak, files: report.summary.files, skipped: report.summary.skipped }));`;
    const result = spawnSync(process.execPath, ["--import", TRAP, "--input-type=module", "-e", script], { encoding: "utf8", timeout: 120_000 });
    expect(result.status, result.stderr).toBe(0);
    const { before, peak, files } = JSON.parse(result.stdout.trim().split("\n").at(-1)!);
    expect(files).toBeGreaterThan(40);
    expect((peak - before) / 1024 / 1024).toBeLessThan(400);
  }, 150_000);
});
