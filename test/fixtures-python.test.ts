import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { notebookDetector } from "../src/detect/notebook.js";
import { pythonDetector } from "../src/detect/python/index.js";
import type { Mention, SourceFile } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

function readTree(root: string, dir = root): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return readTree(root, path);
    return [{ path: relative(root, path).split(sep).join("/"), text: readFileSync(path, "utf8") }];
  });
}

/** Runs both detectors the way the scan does and prints one line per mention, sorted. */
async function scanFixture(name: string, known: string[] = [], providers: Record<string, string> = {}) {
  const ctx = makeContext(known, providers);
  const files = readTree(join(FIXTURES, name));
  const mentions: Mention[] = [];
  for (const detector of [pythonDetector, notebookDetector]) {
    mentions.push(...(await detector.detect(files.filter((f) => detector.accepts(f.path)), ctx)));
  }
  const lines = mentions.map((m) => {
    const flags =
      m.kind === "provider"
        ? ` provider via ${m.via}`
        : `${m.dynamic ? " dynamic" : ""}${m.revision ? ` @${m.revision}` : ""}${m.usedAt ? ` used ${m.usedAt.map((u) => `${u.file === m.file ? "" : `${u.file}:`}${u.line}:${u.column}`).join(",")}` : ""}`;
    return `${m.file}:${m.line}:${m.column} ${m.value}${flags}`;
  });
  return { lines: lines.sort(compareLines), skipped: ctx.skipped };
}

function compareLines(a: string, b: string): number {
  const [fa, la, ca] = a.split(" ")[0]!.split(":");
  const [fb, lb, cb] = b.split(" ")[0]!.split(":");
  return fa! < fb! ? -1 : fa! > fb! ? 1 : Number(la) - Number(lb) || Number(ca) - Number(cb);
}

describe("python fixtures", () => {
  it("hf-diffusers-app: transformers + diffusers, a removed SD 1.5 repo and a pinned SDXL", async () => {
    const { lines, skipped } = await scanFixture("hf-diffusers-app", [], { "pypi:transformers": "huggingface", "pypi:diffusers": "huggingface" });
    expect(skipped).toEqual([]);
    expect(lines).toEqual([
      "app/captions.py:1:6 huggingface provider via transformers",
      "app/captions.py:4:18 Salesforce/blip-image-captioning-base used 6:43,7:58",
      "app/captions.py:10:49 unitary/toxic-bert",
      "app/captions.py:11:33 sentence-transformers/clip-ViT-B-32",
      "app/captions.py:22:57 checkpoint_dir dynamic",
      "app/config.py:5:44 runwayml/stable-diffusion-v1-5",
      "app/config.py:8:15 stabilityai/stable-diffusion-xl-base-1.0",
      "app/config.py:11:18 Salesforce/blip-image-captioning-base",
      "app/pipelines.py:2:6 huggingface provider via diffusers",
      "app/pipelines.py:4:15 runwayml/stable-diffusion-v1-5 used 12:52",
      "app/pipelines.py:5:15 stabilityai/stable-diffusion-xl-base-1.0 @462165984030d82259a11f4367a4eed129e94a7b used 18:9",
      "app/pipelines.py:30:10 stabilityai/stable-diffusion-xl-refiner-1.0",
    ]);
  });
  it("langchain-litellm-service: env fallbacks, argparse defaults, provider-prefixed ids", async () => {
    const { lines, skipped } = await scanFixture("langchain-litellm-service", ["gpt-4o"], {
      "pypi:langchain-openai": "openai", "pypi:langchain-anthropic": "anthropic", "pypi:litellm": "litellm", "env:OPENAI_API_KEY": "openai", "env:ANTHROPIC_API_KEY": "anthropic",
    });
    expect(skipped).toEqual([]);
    expect(lines).toEqual([
      "service/chains.py:2:6 anthropic provider via langchain-anthropic",
      "service/chains.py:4:6 openai provider via langchain-openai",
      "service/chains.py:20:38 claude-3-5-sonnet-20240620",
      "service/chains.py:24:36 gpt-4o",
      "service/cli.py:9:76 llama3.1:8b used 15:32",
      "service/router.py:1:8 litellm provider via litellm",
      "service/router.py:2:6 litellm provider via litellm",
      "service/router.py:20:23 gemini-1.5-flash",
      "service/settings.py:4:47 gpt-4o-mini used service/chains.py:14:28",
      "service/settings.py:6:61 claude-3-haiku-20240307 used service/router.py:11:15",
      "service/settings.py:7:49 text-embedding-3-small used service/chains.py:27:37",
      "service/settings.py:8:29 openai provider via OPENAI_API_KEY",
    ]);
  });
  it("notebook-research: notebooks with outputs and magics, plus a helper module", async () => {
    const { lines, skipped } = await scanFixture("notebook-research", ["gpt-4o-2024-08-06"], { "pypi:openai": "openai", "pypi:anthropic": "anthropic" });
    expect(skipped).toEqual([]);
    expect(lines).toEqual([
      "helpers.py:5:15 meta-llama/Meta-Llama-3.1-8B-Instruct used 10:47,11:50",
      "notebooks/01-embeddings-baseline.ipynb:38:19 sentence-transformers/all-MiniLM-L6-v2 used 58:33",
      "notebooks/01-embeddings-baseline.ipynb:39:20 BAAI/bge-small-en-v1.5 @5c38ec7c405ec4b44b94cc5a9bb96e735b38267a used 59:33",
      // A comprehension variable is a model position the scanner cannot read statically.
      "notebooks/01-embeddings-baseline.ipynb:57:42 name dynamic",
      "notebooks/02-llm-judge.ipynb:18:11 openai provider via openai",
      "notebooks/02-llm-judge.ipynb:19:13 anthropic provider via anthropic",
      "notebooks/02-llm-judge.ipynb:21:49 gpt-4o-2024-08-06 used 34:51",
      "notebooks/02-llm-judge.ipynb:56:18 claude-3-opus-20240229",
    ]);
  });
});
