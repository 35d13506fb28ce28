// Loader behaviour: one-line errors naming file and entry, unsafe patterns rejected, user overlays
// overriding by id, and retirement feeds merged in. Broken rules are written to a temp folder.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { loadRules, RulesError } from "../src/rules/load.js";
import { assertSafePattern } from "../src/rules/patterns.js";
import { checkRulesDir } from "../src/rules/show.js";

function rulesDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "modelrisk-rules-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const SRC = "sources: [https://example.org/card]";
const model = (extra: string): string => `models:\n  - id: acme/first\n    provider: huggingface\n    kind: weights\n    ${SRC}\n  - id: acme/second\n    provider: huggingface\n    kind: weights\n    ${SRC}\n${extra}`;

async function loadError(files: Record<string, string>): Promise<string> {
  const dir = rulesDir(files);
  const error = await loadRules({ extraDirs: [dir] }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(RulesError);
  const message = (error as Error).message;
  expect(message).not.toContain("\n");
  return message.replaceAll(`${relative(process.cwd(), dir).split("\\").join("/")}/`, "").replaceAll(`${dir}/`, "");
}

describe("loader errors are one line naming file and entry", () => {
  test("a date that is not a date", async () => {
    const text = model("  - id: acme/third\n    provider: huggingface\n    kind: weights\n    retires: 2024-02-30\n    " + SRC + "\n");
    expect(await loadError({ "models/acme.yaml": text })).toBe("models/acme.yaml: models[2].retires: not a date");
  });

  test("an unknown key, a missing source and a wrong enum", async () => {
    expect(await loadError({ "x.yaml": model("  - id: a/b\n    provider: huggingface\n    kind: weights\n    licence: mit\n    " + SRC + "\n") }))
      .toBe("x.yaml: models[2]: unknown key licence");
    expect(await loadError({ "x.yaml": "hosts:\n  - { id: h.example, name: H, kind: api, sources: [] }\n" }))
      .toBe("x.yaml: hosts[0].sources: needs at least one source URL");
    expect(await loadError({ "x.yaml": "licenses:\n  - { id: l, name: L, class: free, terms: { commercialUse: \"yes\" }, summary: s, sources: [https://e.org] }\n" }))
      .toMatch(/^x\.yaml: licenses\[0\]\.class: /);
  });

  test("broken YAML names the line", async () => {
    expect(await loadError({ "bad.yaml": "models:\n  - id: [unclosed\n" })).toMatch(/^bad\.yaml: line \d+: /);
  });

  test("references to unknown providers and licences, and duplicate ids", async () => {
    expect(await loadError({ "x.yaml": "models:\n  - { id: a/b, provider: nobody, kind: weights, " + SRC + " }\n" }))
      .toBe("x.yaml: models[0].provider: unknown provider nobody");
    expect(await loadError({ "x.yaml": "models:\n  - { id: a/b, provider: huggingface, kind: weights, license: nope, " + SRC + " }\n" }))
      .toBe("x.yaml: models[0].license: unknown license nope");
    expect(await loadError({ "x.yaml": model("  - { id: acme/first, provider: huggingface, kind: weights, " + SRC + " }\n") }))
      .toMatch(/^x\.yaml: models\[2\]\.id: duplicate id acme\/first/);
  });

  test("unsafe and unanchored patterns are rejected at load", async () => {
    const entry = (pattern: string): string => `models:\n  - { id: fam, pattern: "${pattern}", provider: huggingface, kind: weights, ${SRC} }\n`;
    expect(await loadError({ "p.yaml": entry("^(a+)+$") })).toMatch(/^p\.yaml: models\[0\]\.pattern: pattern has a nested quantifier/);
    expect(await loadError({ "p.yaml": entry("acme/.*") })).toMatch(/^p\.yaml: models\[0\]\.pattern: pattern must be anchored/);
    expect(await loadError({ "p.yaml": entry("^(a)\\\\1$") })).toMatch(/backreferences/);
  });
});

describe("assertSafePattern", () => {
  test.each(["^(a+)+$", "^(a|ab)*$", "^(?:x*y)+$", "^((a)?)*$", "^(a+){2,}$"])("rejects %s", (source) => {
    expect(() => assertSafePattern(source, "here")).toThrow(RulesError);
  });
  test.each(["^Qwen/Qwen2\\.5-(0\\.5|1\\.5|7)B(-Instruct)?$", "^runwayml/.*$", "^(?:a|b)c+$", "^[(+]*x$", "^llama3(:[-a-z0-9._]+)?$"])("accepts %s", (source) => {
    expect(() => assertSafePattern(source, "here")).not.toThrow();
  });
  test("names where the pattern came from", () => {
    expect(() => assertSafePattern("^(a*)*$", "rules/x.yaml: models[3].pattern")).toThrow(/^rules\/x\.yaml: models\[3\]\.pattern: /);
  });
});

describe("user overlays and feeds", () => {
  test("an overlay overrides a built-in entry by id and the override is recorded", async () => {
    const dir = rulesDir({
      "models.yaml": "models:\n  - { id: gpt-4o, provider: openai, kind: api, license: mit, retires: 2030-01-01, sources: [https://example.org/gpt-4o] }\n",
    });
    const db = await loadRules({ extraDirs: [dir] });
    expect(db.lookupModel("gpt-4o")?.license).toBe("mit");
    expect(db.lookupModel("gpt-4o")?.lifecycle?.retires).toBe("2030-01-01");
    expect(db.overrides).toHaveLength(1);
    expect(db.overrides[0]).toMatch(/models\.yaml: model gpt-4o overrides built-in entry$/);
  });

  test("a user feed overrides dates and adds unknown ids of a known provider", async () => {
    const feed = {
      spec: "model-eol/0.1", publisher: "openai", generated: "2027-01-01T00:00:00Z", source: "https://example.org/feed",
      models: [
        { id: "gpt-4o-2024-08-06", aliases: ["gpt-4o"], announced: "2026-10-14", shutdown: "2027-01-14", replacement: "gpt-next" },
        { id: "gpt-brand-new-2027-01-01", shutdown: "2028-01-01", source: "https://example.org/new" },
      ],
    };
    const dir = rulesDir({ "openai.json": JSON.stringify(feed) });
    const db = await loadRules({ feedDirs: [dir] });
    const snapshot = db.lookupModel("gpt-4o-2024-08-06");
    expect(snapshot?.lifecycle).toMatchObject({ deprecated: "2026-10-14", retires: "2027-01-14", replacement: "gpt-next" });
    expect(snapshot?.lifecycle?.sources).toContain("https://example.org/feed");
    const alias = db.lookupModel("gpt-4o");
    expect(alias?.floating).toBe(true);
    expect(alias?.snapshot).toBe("gpt-4o-2024-08-06");
    const added = db.lookupModel("gpt-brand-new-2027-01-01");
    expect(added).toMatchObject({ provider: "openai", kind: "api", sources: ["https://example.org/new"] });
    expect(added?.lifecycle?.retires).toBe("2028-01-01");
  });

  test("a broken feed is a one-line error", async () => {
    const dir = rulesDir({ "f.json": JSON.stringify({ spec: "model-eol/0.1", publisher: "x", source: "https://e.org", models: [{ id: "m", shutdown: "soon" }] }) });
    const error = await loadRules({ feedDirs: [dir] }).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/f\.json: models\[0\]\.shutdown: not a date$/);
  });

  test("version is a short content hash that changes with the overlay", async () => {
    const base = await loadRules();
    const dir = rulesDir({ "h.yaml": "hosts:\n  - { id: h.example, name: H, kind: api, sources: [https://e.org] }\n" });
    const extended = await loadRules({ extraDirs: [dir] });
    expect(base.version).toMatch(/^[0-9a-f]{12}$/);
    expect(extended.version).not.toBe(base.version);
    expect((await loadRules()).version).toBe(base.version);
  });
});

describe("checkRulesDir", () => {
  test("is empty for the built-in folder and for a valid overlay", async () => {
    expect(await checkRulesDir(new URL("../rules/", import.meta.url).pathname)).toEqual([]);
    expect(await checkRulesDir(rulesDir({ "ok.yaml": model("") }))).toEqual([]);
  });
  test("lists every problem, one per line", async () => {
    const dir = rulesDir({
      "a.yaml": "models:\n  - { id: a/b, provider: huggingface, kind: weights, retires: someday, " + SRC + " }\n",
      "b.yaml": "hosts:\n  - { id: h, name: H, kind: cloud, sources: [https://e.org] }\n",
    });
    const errors = await checkRulesDir(dir);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/a\.yaml: models\[0\]\.retires: not a date$/);
    expect(errors[1]).toMatch(/b\.yaml: hosts\[0\]\.kind: /);
  });
});
