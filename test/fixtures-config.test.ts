import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { configDetector } from "../src/detect/config/index.js";
import { dockerfileDetector } from "../src/detect/dockerfile.js";
import { endpointDetector } from "../src/detect/endpoint.js";
import { shellDetector } from "../src/detect/shell.js";
import type { Mention, SourceFile } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

const ROOT = join(import.meta.dirname, "..", "fixtures", "finetune-config");

function readTree(dir: string): SourceFile[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) return readTree(abs);
    return [{ path: relative(ROOT, abs).split(sep).join("/"), text: readFileSync(abs, "utf8") }];
  });
}

async function detect(): Promise<{ mentions: Mention[]; skipped: unknown[] }> {
  const ctx = makeContext(["gpt-4o-mini"], { "host:api.openai.com": "openai", "host:localhost:11434": "ollama" });
  const files = readTree(ROOT);
  const mentions: Mention[] = [];
  for (const detector of [configDetector, dockerfileDetector, shellDetector, endpointDetector]) {
    mentions.push(...(await detector.detect(files.filter((f) => detector.accepts(f.path)), ctx)));
  }
  return { mentions, skipped: ctx.skipped };
}

function line(m: Mention): string {
  const used = m.kind === "model" && m.usedAt ? ` used=${m.usedAt.map((u) => `${u.line}:${u.column}`).join(",")}` : "";
  const extra = m.kind === "model" ? `${m.dynamic ? " dynamic" : ""}${m.providerHint ? ` hint=${m.providerHint}` : ""}${m.revision ? ` rev=${m.revision.slice(0, 7)}` : ""}${used}` : ` via=${m.via}`;
  return `${m.file}:${m.line}:${m.column} ${m.kind} ${m.value}${extra}`;
}

describe("fixture finetune-config", () => {
  it("finds exactly the expected models and providers", async () => {
    const { mentions, skipped } = await detect();
    expect(skipped).toEqual([]);
    expect(mentions.map(line).sort()).toEqual(EXPECTED);
  });
});

/** Not found on purpose: `revision_of_model` (a pin), `EVAL_MODEL: http://vllm:8000/v1` (a URL), `rerankers` (not a model key, unknown id). */
const EXPECTED: string[] = [
  ".env.example:3:25 provider openai via=api.openai.com",
  ".env.example:5:19 model gpt-4o-mini",
  "config.toml:11:20 model nomic-embed-text",
  "config.toml:7:22 model gpt-4o-mini",
  "config.toml:7:56 provider openai via=api.openai.com",
  "config.toml:8:20 model qwen2.5:7b-instruct-q4_K_M",
  "config.toml:8:68 provider ollama via=localhost:11434",
  "configs/qlora-llama3.yaml:20:15 model acme-support/llama31-support-lora",
  "configs/qlora-llama3.yaml:24:16 model gpt-4o-mini",
  "configs/qlora-llama3.yaml:28:13 model Qwen/Qwen2.5-1.5B-Instruct",
  "configs/qlora-llama3.yaml:2:13 model meta-llama/Llama-3.1-8B-Instruct rev=0e9e39f",
  "docker-compose.yml:17:74 model llama3.2:3b hint=ollama",
  "docker-compose.yml:22:83 provider ollama via=ollama:11434",
  "docker-compose.yml:25:24 model nomic-embed-text",
  "docker-compose.yml:9:38 model meta-llama/Llama-3.1-8B-Instruct",
  "docker/Dockerfile.serve:3:18 model meta-llama/Llama-3.1-8B-Instruct used=4:18,13:14",
  "docker/Dockerfile.serve:8:30 model acme-support/llama31-support-lora",
  "scripts/serve.sh:12:26 model Qwen/Qwen2.5-1.5B-Instruct",
  "scripts/serve.sh:17:16 model meta-llama/Llama-3.1-8B-Instruct",
  "scripts/serve.sh:5:29 model qwen2.5:7b-instruct-q4_K_M hint=ollama used=8:14",
  "scripts/serve.sh:6:43 provider ollama via=127.0.0.1:11434",
  "scripts/serve.sh:9:13 model nomic-embed-text hint=ollama",
];
