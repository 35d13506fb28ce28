import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { npmDetector } from "../src/detect/npm.js";
import { loadWithArborist } from "../src/detect/npm/arborist.js";
import type { SourceFile } from "../src/types.js";
import { detectDependencies, type DependencyRow } from "./helpers/dependencies.js";

const PROVIDERS = {
  "npm:openai": "openai",
  "npm:@anthropic-ai/sdk": "anthropic",
  "npm:@ai-sdk/openai": "openai",
  "npm:@google/genai": "google",
  "npm:cohere-ai": "cohere",
};

type Expected = DependencyRow;

async function detect(files: SourceFile[], root?: string) {
  const { rows, skipped } = await detectDependencies(npmDetector, PROVIDERS, files, root);
  return { rows, skipped };
}

const pkg = (deps: Record<string, unknown>, field = "dependencies") =>
  JSON.stringify({ name: "app", version: "1.0.0", [field]: deps }, null, 2) + "\n";

const LOCK_V3 = JSON.stringify(
  {
    name: "app", lockfileVersion: 3, requires: true,
    packages: {
      "": { name: "app", dependencies: { "@ai-sdk/openai": "^1.0.0", express: "^4.0.0" } },
      "node_modules/@ai-sdk/openai": { version: "1.3.24", dependencies: { "@ai-sdk/provider": "1.1.3" } },
      "node_modules/@ai-sdk/provider": { version: "1.1.3" },
      "node_modules/express": { version: "4.21.2", dependencies: { openai: "^4" } },
      "node_modules/openai": { version: "4.104.0" },
      "node_modules/express/node_modules/openai": { version: "3.3.0" },
    },
  },
  null, 2,
);

const valid: { name: string; files: SourceFile[] }[] = [
  { name: "non-AI dependencies", files: [{ path: "package.json", text: pkg({ express: "^4.21.0", zod: "^3.23.0" }) }] },
  { name: "an AI name in scripts, not in dependencies", files: [{ path: "package.json", text: JSON.stringify({ scripts: { openai: "node x.js" } }) }] },
  { name: "a lockfile with no AI package", files: [{ path: "package-lock.json", text: JSON.stringify({ lockfileVersion: 3, packages: { "": {}, "node_modules/zod": { version: "3.23.8" } } }) }] },
  { name: "a file that is not a manifest", files: [] },
];

const invalid: { name: string; files: SourceFile[]; expected: Expected[] }[] = [
  {
    name: "direct dependency, column at the key inside the quotes",
    files: [{ path: "package.json", text: pkg({ openai: "^4.0.0" }) }],
    expected: [{ file: "package.json", line: 5, column: 6, value: "openai", name: "openai", version: "^4.0.0", direct: true }],
  },
  {
    name: "devDependencies and a scoped package in a nested project",
    files: [{ path: "tools/eval/package.json", text: pkg({ "@anthropic-ai/sdk": "0.30.1" }, "devDependencies") }],
    expected: [{ file: "tools/eval/package.json", line: 5, column: 6, value: "anthropic", name: "@anthropic-ai/sdk", version: "0.30.1", direct: true }],
  },
  {
    name: "npm: alias resolves to the real package",
    files: [{ path: "package.json", text: pkg({ "legacy-ai": "npm:@google/genai@^1.0.0" }) }],
    expected: [{ file: "package.json", line: 5, column: 6, value: "google", name: "@google/genai", version: "npm:@google/genai@^1.0.0", direct: true }],
  },
  {
    name: "package-lock v3: direct version from the lock, transitive at the lock entry, one per version",
    files: [{ path: "package.json", text: pkg({ "@ai-sdk/openai": "^1.0.0", express: "^4.0.0" }) }, { path: "package-lock.json", text: LOCK_V3 }],
    expected: [
      { file: "package-lock.json", line: 28, column: 6, value: "openai", name: "openai", version: "4.104.0", direct: false },
      { file: "package-lock.json", line: 31, column: 6, value: "openai", name: "openai", version: "3.3.0", direct: false },
      { file: "package.json", line: 5, column: 6, value: "openai", name: "@ai-sdk/openai", version: "1.3.24", direct: true },
    ],
  },
  {
    name: "a lockfile whose package.json is not in the scan: direct entry located in the lock",
    files: [{ path: "package-lock.json", text: LOCK_V3 }],
    expected: [
      { file: "package-lock.json", line: 13, column: 6, value: "openai", name: "@ai-sdk/openai", version: "1.3.24", direct: true },
      { file: "package-lock.json", line: 28, column: 6, value: "openai", name: "openai", version: "4.104.0", direct: false },
      { file: "package-lock.json", line: 31, column: 6, value: "openai", name: "openai", version: "3.3.0", direct: false },
    ],
  },
  {
    name: "pnpm-lock.yaml v9: importer version for the direct dep, packages key for transitive",
    files: [
      { path: "package.json", text: pkg({ "@ai-sdk/openai": "^1.0.0", langchain: "^0.3.0" }) },
      {
        path: "pnpm-lock.yaml",
        text: [
          "lockfileVersion: '9.0'", "", "importers:", "", "  .:", "    dependencies:",
          "      '@ai-sdk/openai':", "        specifier: ^1.0.0", "        version: 1.3.24(zod@3.25.76)",
          "      langchain:", "        specifier: ^0.3.0", "        version: 0.3.29", "",
          "packages:", "", "  '@ai-sdk/openai@1.3.24':", "    resolution: {integrity: sha512-x}", "",
          "  langchain@0.3.29:", "    resolution: {integrity: sha512-y}", "",
          "  openai@4.104.0:", "    resolution: {integrity: sha512-z}", "",
        ].join("\n"),
      },
    ],
    expected: [
      { file: "package.json", line: 5, column: 6, value: "openai", name: "@ai-sdk/openai", version: "1.3.24", direct: true },
      { file: "pnpm-lock.yaml", line: 22, column: 3, value: "openai", name: "openai", version: "4.104.0", direct: false },
    ],
  },
  {
    name: "pnpm-lock.yaml v6 workspace importer",
    files: [
      { path: "apps/bot/package.json", text: pkg({ openai: "^4.50.0" }) },
      {
        path: "pnpm-lock.yaml",
        text: "lockfileVersion: '6.0'\nimporters:\n  apps/bot:\n    dependencies:\n      openai:\n        specifier: ^4.50.0\n        version: 4.52.0\npackages:\n  /openai@4.52.0:\n    resolution: {integrity: sha512-a}\n",
      },
    ],
    expected: [{ file: "apps/bot/package.json", line: 5, column: 6, value: "openai", name: "openai", version: "4.52.0", direct: true }],
  },
  {
    name: "yarn.lock v1: direct matched by descriptor, transitive at its header",
    files: [
      { path: "package.json", text: pkg({ openai: "^4.0.0", "cohere-wrapper": "^1.0.0" }) },
      {
        path: "yarn.lock",
        text: '# yarn lockfile v1\n\n\ncohere-ai@^7.0.0:\n  version "7.14.0"\n\ncohere-wrapper@^1.0.0:\n  version "1.0.2"\n  dependencies:\n    cohere-ai "^7.0.0"\n\n"openai@^4.0.0", openai@^4.20.0:\n  version "4.52.0"\n',
      },
    ],
    expected: [
      { file: "package.json", line: 5, column: 6, value: "openai", name: "openai", version: "4.52.0", direct: true },
      { file: "yarn.lock", line: 4, column: 1, value: "cohere", name: "cohere-ai", version: "7.14.0", direct: false },
    ],
  },
  {
    name: "yarn berry lockfile",
    files: [
      { path: "package.json", text: pkg({ "@anthropic-ai/sdk": "^0.30.0" }) },
      {
        path: "yarn.lock",
        text: '__metadata:\n  version: 8\n  cacheKey: 10c0\n\n"@anthropic-ai/sdk@npm:^0.30.0":\n  version: 0.30.1\n  resolution: "@anthropic-ai/sdk@npm:0.30.1"\n\n"app@workspace:.":\n  version: 0.0.0-use.local\n',
      },
    ],
    expected: [{ file: "package.json", line: 5, column: 6, value: "anthropic", name: "@anthropic-ai/sdk", version: "0.30.1", direct: true }],
  },
];

describe("npm detector", () => {
  it("accepts manifests and lockfiles at any depth only", () => {
    for (const path of ["package.json", "a/b/package-lock.json", "npm-shrinkwrap.json", "x/pnpm-lock.yaml", "yarn.lock"]) {
      expect(npmDetector.accepts(path)).toBe(true);
    }
    for (const path of ["package.json5", "src/package.ts", "bun.lockb", "composer.json"]) expect(npmDetector.accepts(path)).toBe(false);
  });

  it.each(valid)("valid: $name", async ({ files }) => {
    const { rows, skipped } = await detect(files);
    expect(rows).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it.each(invalid)("invalid: $name", async ({ files, expected }) => {
    const { rows, skipped } = await detect(files);
    expect(rows).toEqual(expected.map((e) => ({ ...e })));
    expect(skipped).toEqual([]);
  });
});

const malformed: { name: string; files: SourceFile[]; skipped: RegExp; rows?: number }[] = [
  { name: "package.json that is not JSON", files: [{ path: "package.json", text: '{ "dependencies": { "openai": ' }], skipped: /not valid JSON/ },
  { name: "package.json that is an array", files: [{ path: "package.json", text: "[]" }], skipped: /not an object/ },
  {
    name: "dependencies of the wrong type, other fields still read",
    files: [{ path: "package.json", text: JSON.stringify({ dependencies: ["openai"], devDependencies: { openai: "^4" } }) }],
    skipped: /"dependencies" is not an object/,
    rows: 1,
  },
  { name: "truncated package-lock.json", files: [{ path: "package-lock.json", text: LOCK_V3.slice(0, 300) }], skipped: /not valid JSON/ },
  { name: "packages of the wrong type", files: [{ path: "package-lock.json", text: '{"lockfileVersion":3,"packages":[1,2]}' }], skipped: /"packages" is missing or not an object/ },
  { name: "a package entry that is a string", files: [{ path: "package-lock.json", text: '{"lockfileVersion":3,"packages":{"node_modules/openai":"4.0.0"}}' }], skipped: /not an object/ },
  {
    name: "lockfile v1 with no folder on disk: noted, direct deps still from package.json",
    files: [{ path: "package.json", text: pkg({ openai: "^3.0.0" }) }, { path: "package-lock.json", text: '{"lockfileVersion":1,"dependencies":{"openai":{"version":"3.3.0"}}}' }],
    skipped: /lockfileVersion 1/,
    rows: 1,
  },
  { name: "pnpm-lock.yaml that is not YAML", files: [{ path: "pnpm-lock.yaml", text: "importers:\n  .: [\n" }], skipped: /not valid YAML/ },
  { name: "pnpm importer of the wrong type", files: [{ path: "pnpm-lock.yaml", text: "importers:\n  .: 3\n" }], skipped: /not a mapping/ },
  { name: "yarn.lock that is something else", files: [{ path: "yarn.lock", text: "<html>\n<body>not found</body>\n" }], skipped: /unexpected line/ },
];

describe("npm detector on malformed input", () => {
  it.each(malformed)("$name", async ({ files, skipped, rows }) => {
    const result = await detect(files);
    expect(result.rows).toHaveLength(rows ?? 0);
    expect(result.skipped).toHaveLength(1);
    expect(result.skipped[0]!.reason).toMatch(skipped);
  });
});

describe("npm detector through Arborist", () => {
  async function withFolder(files: SourceFile[], body: (root: string) => Promise<void>): Promise<void> {
    const root = await mkdtemp(join(tmpdir(), "modelrisk-npm-"));
    try {
      for (const f of files) await writeFile(join(root, f.path), f.text);
      await body(root);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }
  const project = [{ path: "package.json", text: pkg({ "@ai-sdk/openai": "^1.0.0", express: "^4.0.0" }) }, { path: "package-lock.json", text: LOCK_V3 }];

  it("loads the lockfile with loadVirtual and agrees with the text parser", async () => {
    await withFolder(project, async (root) => {
      const tree = await loadWithArborist(root, project[1]!);
      expect(tree && "source" in tree ? tree.source : tree).toBe("arborist-virtual");
      expect((await detect(project, root)).rows).toEqual((await detect(project)).rows);
    });
  });

  it("leaves the disk alone when the scanned text is not what is on disk (staged blobs)", async () => {
    await withFolder(project, async (root) => {
      const staged = { path: "package-lock.json", text: LOCK_V3.replace("4.104.0", "4.105.0") };
      expect(await loadWithArborist(root, staged)).toBeUndefined();
      const { rows } = await detect([project[0]!, staged], root);
      expect(rows.map((r) => r.version)).toContain("4.105.0");
    });
  });

  it("reads a v1 lockfile that only Arborist understands", async () => {
    const v1 = JSON.stringify({
      name: "app", version: "1.0.0", lockfileVersion: 1, requires: true,
      dependencies: { express: { version: "4.21.2", requires: { openai: "^3.0.0" } }, openai: { version: "3.3.0" } },
    }, null, 2);
    const files = [{ path: "package.json", text: pkg({ express: "^4.0.0" }) }, { path: "package-lock.json", text: v1 }];
    await withFolder(files, async (root) => {
      const { rows, skipped } = await detect(files, root);
      expect(skipped).toEqual([]);
      expect(rows).toEqual([{ file: "package-lock.json", line: 13, column: 6, value: "openai", name: "openai", version: "3.3.0", direct: false }]);
    });
  });
});
