import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../src/types.js";
import { CLI, runCli } from "./helpers/cli.js";
import { makeRepo } from "./helpers/git.js";
import { makeTree } from "./helpers/tmp.js";

const AS_OF = ["--as-of", "2026-11-28"];

function scanJson(dir: string): Report {
  const result = runCli(["scan", dir, "--format", "json", ...AS_OF]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as Report;
}

const referencesOf = (report: Report) =>
  report.models.flatMap((m) => m.references.map((r) => `${m.id} ${r.file}:${r.line}:${r.column}`));

describe("modelrisk scan <fixture> --format json prints exactly the expected references", () => {
  it("node-openai-anthropic: constants with env fallbacks, a retired id, a dynamic model", () => {
    const report = scanJson("fixtures/node-openai-anthropic");
    expect(referencesOf(report)).toEqual([
      "claude-3-5-haiku-20241022 src/config/models.ts:7:70",
      "gpt-4o-mini src/config/models.ts:5:61",
      "omni-moderation-latest src/services/moderation.ts:3:57",
      "text-davinci-003 src/config/models.ts:10:41",
      "text-embedding-3-small src/config/models.ts:6:71",
    ]);
    expect(report.providers.map((p) => p.id)).toEqual(["anthropic", "openai"]);
    expect(report.dynamic?.map((d) => `${d.file}:${d.line} ${d.text}`)).toEqual(["src/routes/playground.ts:8 model"]);
    expect(report.findings.some((f) => f.rule === "retired-model" && f.model === "text-davinci-003")).toBe(true);
  });

  it("ai-sdk-langchain: provider factories, LangChain classes, a gateway id", () => {
    expect(referencesOf(scanJson("fixtures/ai-sdk-langchain"))).toEqual([
      "claude-3-5-haiku-latest lib/rag/chain.ts:6:45",
      "claude-3-5-sonnet-20241022 lib/ai/models.ts:5:10",
      "claude-3-7-sonnet-20250219 lib/ai/providers.ts:12:42",
      "gemini-2.0-flash lib/ai/providers.ts:13:62",
      "gpt-4o lib/ai/models.ts:3:10",
      "gpt-4o lib/ai/providers.ts:11:34",
      "gpt-4o-mini lib/ai/models.ts:4:10",
      "gpt-4o-mini lib/ai/models.ts:9:49",
      "gpt-4o-mini lib/rag/chain.ts:9:47",
      "openai/gpt-4.1-mini app/api/extract/route.ts:9:53",
      "text-embedding-3-large lib/rag/ingest.ts:5:51",
      "text-embedding-3-small lib/ai/providers.ts:14:49",
    ]);
  });

  it("transformersjs-app: Xenova ports, one of them chosen at run time", () => {
    const report = scanJson("fixtures/transformersjs-app");
    expect(referencesOf(report)).toEqual([
      "Xenova/all-MiniLM-L6-v2 src/components/About.jsx:7:18",
      "Xenova/all-MiniLM-L6-v2 src/workers/embed.worker.js:8:19",
      "Xenova/distilbert-base-uncased-finetuned-sst-2-english src/models.js:3:15",
      "Xenova/nllb-200-distilled-600M src/models.js:4:17",
      "Xenova/whisper-tiny.en src/components/About.jsx:10:35",
      "Xenova/whisper-tiny.en src/workers/transcribe.worker.js:7:67",
    ]);
    expect(report.dynamic?.map((d) => d.text)).toEqual(["modelId"]);
  });

  it("prints the same bytes twice", () => {
    const a = runCli(["scan", "fixtures/mixed-monorepo", "--format", "json", ...AS_OF]).stdout;
    const b = runCli(["scan", "fixtures/mixed-monorepo", "--format", "json", ...AS_OF]).stdout;
    expect(a).toBe(b);
  });
});

describe("SARIF from a sub-folder of a repository", () => {
  it("locates results relative to the git top level, as code scanning expects", () => {
    const { root, git } = makeRepo({ "README.md": "" });
    mkdirSync(join(root, "services", "api"), { recursive: true });
    writeFileSync(join(root, "services/api/app.py"), 'client.chat.completions.create(model="text-davinci-003", messages=[])\n');
    git("add", "-A");
    const run = runCli(["scan", join(root, "services"), "--format", "sarif", ...AS_OF]);
    const sarif = JSON.parse(run.stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri);
    expect(uris.length).toBeGreaterThan(0);
    expect(new Set(uris)).toEqual(new Set(["services/api/app.py"]));
  });
});

describe("exit codes", () => {
  it("gates on --fail-on whatever the format, and exits 0 below the threshold", () => {
    for (const format of ["json", "text", "sarif", "markdown", "cyclonedx"]) {
      expect(runCli(["scan", "fixtures/node-openai-anthropic", "--format", format, "--fail-on", "critical", ...AS_OF]).status).toBe(1);
    }
    const clean = makeTree({ "app.py": "print('no models here')\n" });
    expect(runCli(["scan", clean, "--fail-on", "low", ...AS_OF]).status).toBe(0);
    expect(runCli(["scan", "fixtures/node-openai-anthropic", "--severity-threshold", "critical", ...AS_OF]).status).toBe(1);
    expect(runCli(["scan", "fixtures/node-openai-anthropic", "--fail-on", "none", ...AS_OF]).status).toBe(0);
  });

  it.each([
    [["scan", "--format", "xml"], /--format: 'xml' is not one of/],
    [["scan", "--as-of", "2026-02-30"], /--as-of: '2026-02-30' is not a date/],
    [["scan", "--fail-on", "severe"], /--fail-on: 'severe' is not one of/],
    [["scan", "does/not/exist"], /cannot scan 'does\/not\/exist': no such file or folder/],
    [["scan", "--bogus"], /unknown option '--bogus'/],
    [["scan", ".", "--rules", "does/not/exist"], /rules folder not found/],
  ])("usage error %j → one line on stderr, exit 2", (args, message) => {
    const result = runCli(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stdout).toBe("");
  });

  it("a broken policy file is one line naming the file, exit 2", () => {
    const root = makeTree({ ".modelrisk.yaml": "failOn: sometimes\n", "a.py": "" });
    const result = runCli(["scan", root]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^modelrisk: \.modelrisk\.yaml: failOn: /);
  });
});

describe("pre-commit", () => {
  it("--staged outside a git repository is a clear error, exit 2", () => {
    const root = makeTree({ "a.py": "" });
    const result = runCli(["scan", "--staged"], { cwd: root, env: { GIT_CEILING_DIRECTORIES: join(root, "..") } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/not inside a git repository/);
  });

  it("prints one line per finding and a summary, paths from the repository root", () => {
    const { root, git } = makeRepo({ "README.md": "# app\n" });
    writeFileSync(join(root, "legacy.py"), 'import openai\n\nresp = openai.Completion.create(model="text-davinci-003", prompt="hi")\n');
    git("add", "legacy.py");
    const result = runCli(["scan", "--staged", ...AS_OF], { cwd: root });
    expect(result.stdout).toBe(
      "legacy.py:3: critical retired-model text-davinci-003 — switch to gpt-3.5-turbo-instruct\n" +
        "modelrisk: 1 finding in 1 file, project risk critical\n",
    );
  });

  it("scans the files pre-commit passes, relative to the repository root", () => {
    const { root } = makeRepo({ "svc/app.py": 'MODEL = "claude-2.0"\nclient.messages.create(model=MODEL)\n', "svc/other.py": "" });
    const result = runCli(["scan", "app.py", "--fail-on", "high", ...AS_OF], { cwd: join(root, "svc") });
    expect(result.stdout).toMatch(/^svc\/app\.py:1: critical retired-model claude-2\.0/);
    expect(result.status).toBe(1);
  });

  it("a git hook from init-hook blocks a commit adding text-davinci-003 and lets a clean one through", () => {
    const { root, git } = makeRepo({ "README.md": "# app\n" });
    // The hook calls `npx --no-install modelrisk`; point it at this checkout's CLI instead.
    const bin = join(root, ".bin");
    writeFileSync(join(root, ".gitignore"), ".bin/\n");
    makeShim(bin);
    const env = { PATH: `${bin}:${process.env.PATH}` };
    expect(runCli(["init-hook"], { cwd: root }).status).toBe(0);
    expect(runCli(["init-hook"], { cwd: root }).status).toBe(0);

    writeFileSync(join(root, "ok.py"), 'MODEL = "gpt-4o-mini"\nclient.chat.completions.create(model=MODEL)\n');
    git("add", "ok.py");
    expect(() => gitWith(env, root, "commit", "-q", "-m", "clean")).not.toThrow();

    writeFileSync(join(root, "legacy.py"), 'openai.Completion.create(model="text-davinci-003", prompt="hi")\n');
    git("add", "legacy.py");
    expect(() => gitWith(env, root, "commit", "-q", "-m", "risky")).toThrow(/retired-model text-davinci-003/);
    expect(git("log", "--format=%s")).toBe("clean\ninitial\n");
  });

  it("init-hook never replaces someone else's hook without --force", () => {
    const { root, git } = makeRepo({ "README.md": "" });
    const hook = join(git("rev-parse", "--absolute-git-dir").trim(), "hooks", "pre-commit");
    writeFileSync(hook, "#!/bin/sh\necho mine\n");
    const result = runCli(["init-hook"], { cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/already exists/);
    expect(runCli(["init-hook", "--force"], { cwd: root }).status).toBe(0);
  });
});

/** A stand-in `npx` that runs this checkout's CLI: the hook's `npx --no-install modelrisk …` lands here. */
function makeShim(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "npx");
  writeFileSync(path, `#!/bin/sh\nshift 2\nexec "${process.execPath}" "${CLI}" "$@"\n`);
  chmodSync(path, 0o755);
}

function gitWith(env: NodeJS.ProcessEnv, cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.com", ...args], {
    cwd, env: { ...process.env, ...env, CI: "true", NO_COLOR: "1" }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
  });
}
