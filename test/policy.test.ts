import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { assess } from "../src/assess/index.js";
import { exitCodeFor } from "../src/cli/gate.js";
import { loadPolicy } from "../src/policy/load.js";
import { parsePolicy } from "../src/policy/parse.js";
import type { Report } from "../src/types.js";
import { makeDb, ref, resolvedModel } from "./assess-db.js";

const db = makeDb();
const asOf = "2026-11-28";
const py = (file: string, line: number, text: string) => ref(file, line, text, { via: "from_pretrained" });

function run(policyText: string, files: Record<string, string> = {}) {
  const models = [
    resolvedModel("meta-llama/Llama-3.1-8B-Instruct", [py("app/llm.py", 5, "meta-llama/Llama-3.1-8B-Instruct"), py("scripts/eval.py", 2, "meta-llama/Llama-3.1-8B-Instruct")]),
    resolvedModel("text-davinci-003", [ref("src/old.ts", 3, "text-davinci-003", { detector: "typescript", via: "completions.create" })]),
  ];
  const policy = parsePolicy(policyText, ".modelrisk.yaml");
  return assess({ models, providers: [], dynamic: [] }, db, { asOf, policy, sourceOf: (f) => files[f] });
}
const gate = (findings: ReturnType<typeof run>["findings"], failOn: Parameters<typeof exitCodeFor>[1]) =>
  exitCodeFor({ findings } as Report, failOn);

describe("policy schema", () => {
  test.each([
    ["failOn: severe\n", /^\.modelrisk\.yaml: failOn: Invalid option/],
    ["licences:\n  deny: [llama3.1]\n", /^\.modelrisk\.yaml: \(top level\): Unrecognized key: "licences"/],
    ["rules:\n  retired-modle: off\n", /^\.modelrisk\.yaml: rules: Unrecognized key: "retired-modle"/],
    ["suppressions:\n  - rule: retired-model\n", /^\.modelrisk\.yaml: suppressions\.0\.reason: /],
    ["suppressions:\n  - { rule: retired-model, reason: x, expires: soon }\n", /suppressions\.0\.expires: expected a date YYYY-MM-DD/],
    ["failOn: [\n", /^\.modelrisk\.yaml:2:1: Flow sequence/],
  ])("%j is one clear line", (text, message) => {
    let error: Error | undefined;
    try {
      parsePolicy(text, ".modelrisk.yaml");
    } catch (e) {
      error = e as Error;
    }
    expect(error?.name).toBe("PolicyError");
    expect(error?.message).toMatch(message);
    expect(error?.message).not.toContain("\n");
  });

  test("found at the scan root, absent is empty, a missing --config is an error", async () => {
    const root = await mkdtemp(join(tmpdir(), "modelrisk-policy-"));
    expect((await loadPolicy(root)).suppressions).toEqual([]);
    await expect(loadPolicy(root, join(root, "nope.yaml"))).rejects.toThrow(/nope\.yaml: cannot read the policy file \(ENOENT\)/);
    await writeFile(join(root, ".modelrisk.yaml"), "failOn: high\nsuppressions:\n  - rule: unpinned-revision\n    reason: vendored\n");
    const policy = await loadPolicy(root);
    expect(policy).toMatchObject({ file: ".modelrisk.yaml", failOn: "high", suppressions: [{ rule: "unpinned-revision", line: 3, column: 5 }] });
  });
});

describe("policy application", () => {
  test("denied licence classes and providers become findings at every reference", () => {
    const result = run("licenses:\n  deny: [restricted-commercial]\nproviders:\n  deny: [openai]\n");
    const denied = result.findings.filter((f) => f.rule.startsWith("denied-")).map((f) => [f.rule, f.file, f.model]);
    expect(denied).toEqual([
      ["denied-license", "app/llm.py", "meta-llama/Llama-3.1-8B-Instruct"],
      ["denied-license", "scripts/eval.py", "meta-llama/Llama-3.1-8B-Instruct"],
      ["denied-provider", "src/old.ts", "text-davinci-003"],
    ]);
  });

  test("an allow list denies every licence not on it", () => {
    const result = run("licenses:\n  allow: [permissive, llama3.1]\n");
    expect(result.findings.filter((f) => f.rule === "denied-license").map((f) => f.message)).toEqual([
      "text-davinci-003: licence openai-terms (proprietary-terms) is not in the policy's allowed licences",
    ]);
  });

  test("rule levels are overridden or switched off, ignored paths drop out", () => {
    const result = run("rules:\n  retired-model: low\n  single-host: off\nignore:\n  - scripts/\n");
    expect(result.findings.find((f) => f.rule === "retired-model")!.level).toBe("low");
    expect(result.findings.some((f) => f.rule === "single-host")).toBe(false);
    expect(result.findings.some((f) => f.file.startsWith("scripts/"))).toBe(false);
    expect(result.models.find((m) => m.id.startsWith("meta-llama"))!.references).toHaveLength(1);
  });

  test("config suppressions by rule, model and path; an expired one is reported and no longer applies", () => {
    const result = run(
      [
        "suppressions:",
        "  - rule: unpinned-revision",
        "    path: scripts/**",
        "    reason: evaluation only",
        "  - rule: retired-model",
        "    model: text-davinci-003",
        "    reason: migration in progress",
        "    expires: 2026-06-30",
      ].join("\n"),
    );
    const unpinned = result.findings.filter((f) => f.rule === "unpinned-revision");
    expect(unpinned.map((f) => [f.file, f.suppressed])).toEqual([
      ["app/llm.py", undefined],
      ["scripts/eval.py", { kind: "config", reason: "evaluation only" }],
    ]);
    expect(result.findings.find((f) => f.rule === "retired-model")!.suppressed).toBeUndefined();
    const expired = result.findings.find((f) => f.rule === "expired-suppression")!;
    expect(expired).toMatchObject({ file: ".modelrisk.yaml", line: 5, column: 5 });
    expect(expired.message).toContain("expired on 2026-06-30");
  });

  test("gating counts only unsuppressed findings at or above the level", () => {
    const open = run("");
    expect(gate(open.findings, "critical")).toBe(1);
    const suppressed = run("suppressions:\n  - { rule: retired-model, reason: accepted until the migration lands, expires: 2027-01-31 }\n");
    expect(gate(suppressed.findings, "critical")).toBe(0);
    expect(gate(suppressed.findings, "medium")).toBe(1);
    expect(gate(suppressed.findings, undefined)).toBe(0);
  });
});

describe("inline suppressions", () => {
  test("same line and next line, several rules, with reasons, in the comment syntax of the file", () => {
    const files = {
      "app/llm.py": "import x\n\n\n# modelrisk-ignore-next-line unpinned-revision, single-host -- pinned by the lock file\nm = load('meta-llama/Llama-3.1-8B-Instruct')\n",
      "src/old.ts": "\n\nconst r = await c.completions.create({ model: 'text-davinci-003' }); /* modelrisk-ignore retired-model -- sunset job */\n",
      "scripts/eval.py": "\nload('meta-llama/Llama-3.1-8B-Instruct')  # modelrisk-ignore restricted-licence -- typo: not a rule\n",
    };
    const result = run("", files);
    const by = (rule: string, file: string) => result.findings.find((f) => f.rule === rule && f.file === file)!;
    expect(by("unpinned-revision", "app/llm.py").suppressed).toEqual({ kind: "inline", reason: "pinned by the lock file" });
    expect(by("single-host", "app/llm.py").suppressed).toEqual({ kind: "inline", reason: "pinned by the lock file" });
    expect(by("restricted-license", "app/llm.py").suppressed).toBeUndefined();
    expect(by("retired-model", "src/old.ts").suppressed).toEqual({ kind: "inline", reason: "sunset job" });
    expect(by("restricted-license", "scripts/eval.py").suppressed).toBeUndefined();
  });
});

describe("overlays in the policy file", () => {
  test("adds a rules folder inside the root, like --rules", async () => {
    const { makeTree } = await import("./helpers/tmp.js");
    const { runCli } = await import("./helpers/cli.js");
    const root = makeTree({
      ".modelrisk.yaml": "overlays: [governance/rules]\n",
      "governance/rules/models.yaml":
        "models:\n  - { id: acme/support-bot, provider: huggingface, kind: weights, license: apache-2.0, sources: [https://example.org/acme/support-bot] }\n",
      "app.py": 'from transformers import AutoModel\nm = AutoModel.from_pretrained("acme/support-bot")\n',
    });
    const run = runCli(["scan", root, "--format", "json", "--as-of", "2026-11-28"]);
    expect(run.stderr).toBe("");
    const report = JSON.parse(run.stdout) as Report;
    expect(report.models.map((m) => [m.id, m.known, m.license])).toEqual([["acme/support-bot", true, "apache-2.0"]]);
  });

  test("refuses a folder outside the scanned root, in one line", async () => {
    const { makeTree } = await import("./helpers/tmp.js");
    const outside = makeTree({ "models.yaml": "models: []\n" });
    const root = makeTree({ ".modelrisk.yaml": `overlays: [${JSON.stringify(outside)}]\n`, "app.py": "" });
    await expect(loadPolicy(root)).rejects.toThrow(/^\.modelrisk\.yaml: overlays: '.*' is outside the scanned root/);
  });
});
