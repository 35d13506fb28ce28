import { describe, expect, it } from "vitest";
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { npmDetector } from "../src/detect/npm.js";
import { pythonDepsDetector } from "../src/detect/python-deps.js";
import type { Detector, ProviderMention, SourceFile } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

const ROOT = fileURLToPath(new URL("../fixtures/mixed-monorepo/", import.meta.url));

/** The mapping the rules database holds for these packages; the detectors must not know it themselves. */
const PROVIDERS: Record<string, string> = {
  "npm:openai": "openai",
  "npm:@ai-sdk/openai": "openai",
  "npm:ai": "vercel-ai",
  "npm:@langchain/openai": "openai",
  "npm:@langchain/core": "langchain",
  "npm:langsmith": "langchain",
  "npm:replicate": "replicate",
  "npm:cohere-ai": "cohere",
  "pypi:anthropic": "anthropic",
  "pypi:transformers": "huggingface",
  "pypi:huggingface-hub": "huggingface",
  "pypi:tokenizers": "huggingface",
  "pypi:openai": "openai",
};

async function readTree(dir: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const absolute = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await readTree(absolute)));
    else out.push({ path: relative(ROOT, absolute).split(sep).join("/"), text: await readFile(absolute, "utf8") });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : 1));
}

async function run(detector: Detector, root?: string) {
  const files = (await readTree(ROOT)).filter((f) => detector.accepts(f.path));
  const ctx = { ...makeContext([], PROVIDERS), root };
  const mentions = (await detector.detect(files, ctx)) as ProviderMention[];
  return { ctx, rows: mentions.map((m) => `${m.file}:${m.line}:${m.column}-${m.endColumn} ${m.value} ${m.text} ${m.dependency?.name}@${m.dependency?.version} ${m.dependency?.direct ? "direct" : "transitive"}`) };
}

const NPM_EXPECTED = [
  "apps/web/package.json:12:6-20 openai @ai-sdk/openai @ai-sdk/openai@1.3.24 direct",
  "apps/web/package.json:13:6-8 vercel-ai ai ai@4.3.19 direct",
  // Declared but never imported: the report must still show it so "unused provider dependency" can fire.
  "apps/web/package.json:17:6-15 replicate replicate replicate@1.4.0 direct",
  "package-lock.json:1114:6-28 langchain node_modules/langsmith langsmith@0.3.87 transitive",
  // Pulled in by @langchain/openai, declared nowhere.
  "package-lock.json:1254:6-25 openai node_modules/openai openai@5.23.2 transitive",
  "packages/agents/package.json:8:6-21 langchain @langchain/core @langchain/core@0.3.80 direct",
  "packages/agents/package.json:9:6-23 openai @langchain/openai @langchain/openai@0.5.18 direct",
];

describe("mixed-monorepo fixture", () => {
  it("reads the npm workspaces through Arborist when the folder is on disk", async () => {
    const { rows, ctx } = await run(npmDetector, ROOT);
    expect(rows).toEqual(NPM_EXPECTED);
    expect(ctx.skipped).toEqual([]);
  });

  it("gives the same answer from the lockfile text alone (staged blobs, no root)", async () => {
    const { rows, ctx } = await run(npmDetector);
    expect(rows).toEqual(NPM_EXPECTED);
    expect(ctx.skipped).toEqual([]);
  });

  it("reads the Python service's pyproject and its pip-compiled pins", async () => {
    const { rows, ctx } = await run(pythonDepsDetector, ROOT);
    expect(rows).toEqual([
      "services/ml/pyproject.toml:7:6-15 anthropic anthropic anthropic@>=0.40,<1 direct",
      "services/ml/pyproject.toml:8:6-18 huggingface transformers transformers@4.46.3 direct",
      "services/ml/requirements.txt:9:1-10 anthropic anthropic anthropic@0.40.0 direct",
      // `# via tokenizers, transformers`: pinned, but only because transformers needs it.
      "services/ml/requirements.txt:46:1-16 huggingface huggingface-hub huggingface-hub@0.26.3 transitive",
      "services/ml/requirements.txt:97:1-11 huggingface tokenizers tokenizers@0.20.3 transitive",
      "services/ml/requirements.txt:105:1-13 huggingface transformers transformers@4.46.3 direct",
    ]);
    expect(ctx.skipped).toEqual([]);
  });

  it("locates each mention on the text it names", async () => {
    const files = new Map((await readTree(ROOT)).map((f) => [f.path, f.text]));
    for (const detector of [npmDetector, pythonDepsDetector]) {
      const accepted = [...files].filter(([path]) => detector.accepts(path)).map(([path, text]) => ({ path, text }));
      for (const m of (await detector.detect(accepted, makeContext([], PROVIDERS))) as ProviderMention[]) {
        const line = files.get(m.file)!.split("\n")[m.line - 1]!;
        expect(line.slice(m.column - 1, m.endColumn - 1)).toBe(m.text);
      }
    }
  });
});
