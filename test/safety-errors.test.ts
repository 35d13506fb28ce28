/**
 * Errors a user can act on, through the built CLI: one stderr line naming the file and the problem,
 * exit 2, no stack trace; an internal error says where to report it (a stack only with --debug).
 * Also: user-rule patterns that backtrack catastrophically are rejected at load; --max-file-size holds.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRules, RulesError } from "../src/rules/load.js";
import { scan } from "../src/scan.js";

const CLI = resolve("dist/cli/main.js");
let dir: string;

function run(args: string[], preload?: string, uid?: number) {
  const pre = preload ? ["--import", `data:text/javascript,${encodeURIComponent(preload)}`] : [];
  const r = spawnSync(process.execPath, [...pre, CLI, ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, NO_COLOR: "1" }, ...(uid ? { uid, gid: uid } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, lines: r.stderr.split("\n").filter(Boolean) };
}

function rulesDir(name: string, pattern: string): string {
  const d = join(dir, name);
  mkdirSync(join(d, "models"), { recursive: true });
  writeFileSync(join(d, "models", "mine.yaml"), `models:\n  - id: my-family\n    pattern: ${JSON.stringify(pattern)}\n    provider: openai\n    kind: api\n    sources: [https://example.com/mine]\n`);
  return d;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "modelrisk-errors-"));
  mkdirSync(join(dir, "repo"));
  writeFileSync(join(dir, "repo", "app.py"), "m = AutoModel.from_pretrained(\"gpt2\")\n");
  writeFileSync(join(dir, "bad-policy.yaml"), "failOn: [unclosed\n");
  writeFileSync(join(dir, "wrong-policy.yaml"), "failOn: catastrophic\n");
});
afterAll(() => {
  spawnSync("chmod", ["-R", "u+rwx", dir]);
  rmSync(dir, { recursive: true, force: true });
});

describe("one line, exit 2", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["malformed policy YAML", () => ["scan", join(dir, "repo"), "--config", join(dir, "bad-policy.yaml")], /bad-policy\.yaml/],
    ["invalid policy value", () => ["scan", join(dir, "repo"), "--config", join(dir, "wrong-policy.yaml")], /wrong-policy\.yaml/],
    ["missing policy file", () => ["scan", join(dir, "repo"), "--config", join(dir, "nope.yaml")], /nope\.yaml/],
    ["catastrophic rule pattern", () => ["scan", join(dir, "repo"), "--rules", rulesDir("redos", "^(a+)+$")], /mine\.yaml.*nested quantifier/],
    ["unanchored rule pattern", () => ["scan", join(dir, "repo"), "--rules", rulesDir("loose", "gpt-.*")], /mine\.yaml.*anchored/],
    ["missing rules folder", () => ["scan", join(dir, "repo"), "--rules", join(dir, "no-rules")], /no-rules/],
    ["unknown format", () => ["scan", join(dir, "repo"), "--format", "xml"], /xml/],
    ["bad size", () => ["scan", join(dir, "repo"), "--max-file-size", "lots"], /lots/],
    ["bad date", () => ["scan", join(dir, "repo"), "--as-of", "2026-13-45"], /2026-13-45/],
    ["unknown flag", () => ["scan", join(dir, "repo"), "--frobnicate"], /frobnicate/],
    ["non-existent root", () => ["scan", join(dir, "missing-root")], /missing-root/],
  ];
  it.each(cases)("%s", (_, args, names) => {
    const r = run(args());
    expect(r.status, r.stderr).toBe(2);
    expect(r.lines, r.stderr).toHaveLength(1);
    expect(r.lines[0]).toMatch(names);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(process.getuid?.() === 0)("unreadable root (as an unprivileged user)", () => {
    const locked = join(dir, "locked");
    mkdirSync(locked);
    spawnSync("chmod", ["a+rx", dir]);
    chmodSync(locked, 0o000);
    const r = run(["scan", locked], undefined, 65534);
    expect(r.status, r.stderr).toBe(2);
    expect(r.lines, r.stderr).toHaveLength(1);
    expect(r.lines[0]).toMatch(/locked/);
  });
});

describe("internal errors", () => {
  // A failure the user cannot fix: writing the report throws a plain Error.
  const boom = "process.stdout.write = () => { throw new Error('boom in the reporter'); };";
  it("print a short message and where to report it, exit 2, no stack", () => {
    const r = run(["scan", join(dir, "repo"), "--format", "json"], boom);
    expect(r.status).toBe(2);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/internal error: boom in the reporter.*report it at https:\/\//);
  });
  it("show the stack with --debug", () => {
    const r = run(["scan", join(dir, "repo"), "--format", "json", "--debug"], boom);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe("resource limits", () => {
  it("rejects a catastrophic user pattern at load with one line naming the file", async () => {
    const error = await loadRules({ extraDirs: [rulesDir("redos-lib", "^(a+)+$")] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RulesError);
    expect((error as Error).message).toMatch(/mine\.yaml.*nested quantifier/);
    expect((error as Error).message).not.toContain("\n");
    for (const bad of ["^(a|aa)*$", "^(\\w+\\s?)*$", "^([a-z]+)*x$"]) {
      await expect(loadRules({ extraDirs: [rulesDir(`redos-${bad.length}`, bad)] })).rejects.toThrow(RulesError);
    }
  });

  it("--max-file-size skips larger files with a note and reads smaller ones", async () => {
    const root = join(dir, "sizes");
    mkdirSync(root);
    writeFileSync(join(root, "big.py"), `${"# pad\n".repeat(2000)}m = AutoModel.from_pretrained("gpt2")\n`);
    writeFileSync(join(root, "small.py"), "m = AutoModel.from_pretrained(\"gpt2\")\n");
    const report = await scan({ root, asOf: "2026-11-28", maxFileSize: 4096 });
    expect(report.skipped).toEqual([{ file: "big.py", reason: "larger than 4 KB (12 KB)" }]);
    expect(report.models.flatMap((m) => m.references.map((r) => r.file))).toEqual(["small.py"]);
    const cli = run(["scan", root, "--format", "json", "--max-file-size", "4kb", "--as-of", "2026-11-28"]);
    expect(JSON.parse(cli.stdout).skipped).toEqual(report.skipped);
  });
});
