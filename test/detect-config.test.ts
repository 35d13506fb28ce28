import { describe, expect, it } from "vitest";
import { configDetector, configFormat } from "../src/detect/config/index.js";
import type { ModelMention } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

interface Expected {
  value: string;
  line: number;
  column: number;
  text?: string;
  evidence?: string;
  dynamic?: boolean;
  revision?: string;
  providerHint?: string;
  endColumn?: number;
}
interface Row {
  file: string;
  code: string;
  expected: Expected[];
}

const KNOWN = ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "command"];

async function run(file: string, code: string) {
  const ctx = makeContext(KNOWN);
  expect(configDetector.accepts(file)).toBe(true);
  const mentions = (await configDetector.detect([{ path: file, text: code }], ctx)) as ModelMention[];
  return { mentions, skipped: ctx.skipped };
}

/** Compares only the fields a row names, so rows stay short. */
function pick(m: ModelMention, want: Expected): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(want)) out[key] = (m as unknown as Record<string, unknown>)[key] ?? (key === "dynamic" ? false : undefined);
  return out;
}

const valid: [string, string][] = [
  ["openapi-example.yaml", "example:\n  model: string\n  model_id: str\n"],
  // abetlen/llama-cpp-python docs/server.md and examples/server/configs/*.json: aliases the local server answers to.
  ["server-config.json", "{\"models\": [{\"model\": \"models/mistral/ggml-model-Q4_K.gguf\", \"model_alias\": \"gpt-4o\"}]}\n"],
  // vercel/ai packages/deepgram/src/__fixtures__/deepgram-transcription.json
  ["__fixtures__/deepgram-transcription.json", "{\"metadata\": {\n  \"models\": [\"2187e11a-3532-4498-b076-81fa530bdd49\"],\n  \"model_info\": {}\n}}\n"],
  ["tests/fixtures/agent.json", "{\"model\": {\"class\": \"TransformersModel\", \"data\": {\"model_id\": \"test/model\"}}, \"judge_model\": \"fake-model\"}\n"],
  ["train.yaml", "new_model_name: my-org/llama-faq-lora\noutput_model_name: faq-lora-v2\n"],
  // anthropics/anthropic-cookbook .claude/settings.local.json: a hook type, not Cohere's `command` model.
  [".claude/settings.local.json", "{\n  \"hooks\": {\"PostToolUse\": [{\"hooks\": [{\"type\": \"command\", \"command\": \"python hook.py\"}]}]}\n}\n"],
  ["config.yaml", "model_type: LlamaForCausalLM\nmodel_max_length: 2048\nmodel_dir: models/llama\n"],
  ["config.yaml", "model: ./checkpoints/final\nbase_model: /mnt/weights/llama\n"],
  ["config.yaml", "model: true\nmodel_name: 42\nmodel_id: ''\n"],
  ["db.yaml", "engine: postgres\ndeployment: production\n"],
  ["fixtures.json", '[{"model": "auth.user", "pk": 1}]'],
  ["settings.toml", "[server]\nhost = \"0.0.0.0\"\nmodel_dir = \"models\"\n"],
  [".env.example", "# OPENAI_MODEL=gpt-4o\nOPENAI_API_KEY=\nMODEL_NAME=<your-model>\n"],
  ["docker-compose.yml", "services:\n  api:\n    image: ollama/ollama:latest\n    ports: ['11434:11434']\n"],
  ["notes.yaml", "# see https://huggingface.co/meta-llama/Llama-3.1-8B\nlink: https://huggingface.co/datasets/tatsu-lab/alpaca\n"],
];

const invalid: Row[] = [
  { file: "configs/qwen.json", code: "{\n  \"model\": {\n    \"alias\": \"gpt-4o-mini\",\n    \"from_pretrained\": {\"repo_id\": \"unsloth/Qwen3.6-27B-GGUF\"}\n  }\n}\n", expected: [{ value: "unsloth/Qwen3.6-27B-GGUF", line: 4, column: 37 }] },
  { file: "bedrock.yaml", code: "base_model_id: arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-1-8b-instruct-v1:0\n", expected: [{ value: "meta.llama3-1-8b-instruct-v1:0", line: 1, column: 60, text: "meta.llama3-1-8b-instruct-v1:0" }] },
  { file: "cohere.yaml", code: "llm:\n  model: command\n", expected: [{ value: "command", line: 2, column: 10 }] },
  { file: "axolotl.yaml", code: "base_model: meta-llama/Meta-Llama-3-8B\nmodel_type: LlamaForCausalLM\n", expected: [{ value: "meta-llama/Meta-Llama-3-8B", line: 1, column: 13, endColumn: 39, evidence: "model-position" }] },
  { file: "cfg.yml", code: "model_name_or_path: \"Qwen/Qwen2.5-7B\"\nmodel_revision: 'a1b2c3d'\n", expected: [{ value: "Qwen/Qwen2.5-7B", line: 1, column: 22, text: "Qwen/Qwen2.5-7B", revision: "a1b2c3d" }] },
  { file: "anchors.yaml", code: "defaults: &d\n  model: mistralai/Mistral-7B-v0.1\ntrain:\n  <<: *d\neval: *d\n", expected: [{ value: "mistralai/Mistral-7B-v0.1", line: 2, column: 10 }] },
  { file: "multi.yaml", code: "model: gpt-4o\n---\nchat:\n  model: claude-3-5-sonnet-20241022\n", expected: [{ value: "gpt-4o", line: 1, column: 8 }, { value: "claude-3-5-sonnet-20241022", line: 4, column: 10 }] },
  { file: "crlf.yaml", code: "name: demo\r\nllm:\r\n  provider: openai\r\n  model: gpt-4o-mini\r\n", expected: [{ value: "gpt-4o-mini", line: 4, column: 10, endColumn: 21 }] },
  { file: "app.json", code: '{\n\t"title": "caf\\u00e9 \\"bot\\"",\n\t"modelId": "gpt-4o",\n\t"fallback": "gpt-4o-mini"\n}\n', expected: [{ value: "gpt-4o", line: 3, column: 14, evidence: "model-position" }, { value: "gpt-4o-mini", line: 4, column: 15, evidence: "literal" }] },
  { file: "deploy.yaml", code: "env:\n  - name: MODEL_ID\n    value: \"HuggingFaceH4/zephyr-7b-beta\"\n  - name: PORT\n    value: \"80\"\n", expected: [{ value: "HuggingFaceH4/zephyr-7b-beta", line: 3, column: 13 }] },
  { file: "docker-compose.yml", code: "services:\n  tgi:\n    command: --model-id ${MODEL_ID:-bigscience/bloom-560m} --port 80\n    environment:\n      - HF_MODEL=google/flan-t5-base\n      OLLAMA: x\n".replace("      OLLAMA: x\n", ""), expected: [{ value: "bigscience/bloom-560m", line: 3, column: 37 }, { value: "google/flan-t5-base", line: 5, column: 18 }] },
  { file: "compose.yaml", code: "services:\n  ollama:\n    entrypoint: [\"/bin/sh\", \"-c\", \"ollama serve & sleep 3 && ollama pull llama3.1:8b\"]\n    environment:\n      OLLAMA_MODEL: nomic-embed-text\n", expected: [{ value: "llama3.1:8b", line: 3, column: 74, providerHint: "ollama" }, { value: "nomic-embed-text", line: 5, column: 21, providerHint: "ollama" }] },
  { file: ".github/workflows/eval.yml", code: "jobs:\n  eval:\n    steps:\n      - run: |\n          huggingface-cli download TinyLlama/TinyLlama-1.1B-Chat-v1.0\n", expected: [{ value: "TinyLlama/TinyLlama-1.1B-Chat-v1.0", line: 5, column: 36 }] },
  { file: "dyn.yaml", code: "model: ${MODEL}\nrag:\n  embedding_model: ${EMBED:-BAAI/bge-small-en-v1.5}\n", expected: [{ value: "${MODEL}", line: 1, column: 8, dynamic: true }, { value: "BAAI/bge-small-en-v1.5", line: 3, column: 29, dynamic: false }] },
  { file: "links.yaml", code: "weights: https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0/resolve/main/x.safetensors\n", expected: [{ value: "stabilityai/stable-diffusion-xl-base-1.0", line: 1, column: 33, evidence: "url" }] },
  { file: "pyproject.toml", code: "[tool.finetune]\nbase_model = \"meta-llama/Llama-3.2-1B\"\nmodels = [\n  \"gpt-4o\", # judge\n  'Qwen/Qwen2.5-0.5B',\n]\nserve = { model = \"mistral:7b\", port = 11434 }\n", expected: [{ value: "meta-llama/Llama-3.2-1B", line: 2, column: 15 }, { value: "gpt-4o", line: 4, column: 4 }, { value: "Qwen/Qwen2.5-0.5B", line: 5, column: 4 }, { value: "mistral:7b", line: 7, column: 20 }] },
  { file: "crlf.toml", code: "[[judges]]\r\nname = \"a\"\r\nmodel = 'claude-3-5-sonnet-20241022'\r\n\r\n[judges.options]\r\ntemperature = 0\r\n", expected: [{ value: "claude-3-5-sonnet-20241022", line: 3, column: 10, endColumn: 36 }] },
  { file: ".env", code: "export OPENAI_MODEL=\"gpt-4o\" # default\r\nEMBEDDING_MODEL=text-embedding-3-small # cheap\r\nTEMPERATURE=0.2\r\n", expected: [{ value: "gpt-4o", line: 1, column: 22 }, { value: "text-embedding-3-small", line: 2, column: 17, endColumn: 39 }] },
  { file: ".env.local", code: "OLLAMA_MODEL='qwen2.5:7b-instruct-q4_K_M'\nCHAT_MODEL=${CHAT_MODEL:-gpt-4o-mini}\n", expected: [{ value: "qwen2.5:7b-instruct-q4_K_M", line: 1, column: 15, providerHint: "ollama" }, { value: "gpt-4o-mini", line: 2, column: 26 }] },
  { file: "setup.cfg", code: "[model]\nmodel_name = sentence-transformers/all-MiniLM-L6-v2 ; small\n[paths]\ndata = ./data\n", expected: [{ value: "sentence-transformers/all-MiniLM-L6-v2", line: 2, column: 14 }] },
  { file: "app.properties", code: "llm.model=gpt-4o\nazure.deployment=gpt-4o-mini\nazure.engine=custom-deploy\n", expected: [{ value: "gpt-4o", line: 1, column: 11 }, { value: "gpt-4o-mini", line: 2, column: 18, evidence: "model-position" }] },
];

describe("config detector: valid", () => {
  it.each(valid)("%s %j has no model", async (file, code) => {
    const { mentions, skipped } = await run(file, code);
    expect(mentions).toEqual([]);
    expect(skipped).toEqual([]);
  });
});

describe("config detector: invalid", () => {
  it.each(invalid.map((row) => [row.file, row.code, row] as const))("%s %j", async (file, code, row) => {
    const { mentions, skipped } = await run(file, code);
    expect(skipped).toEqual([]);
    expect(mentions.map((m, i) => pick(m, row.expected[i] ?? row.expected[0]!))).toEqual(row.expected);
  });
});

describe("config detector: malformed files", () => {
  it.each([
    ["broken.yaml", "a: [b\nc: d: e\n", /^invalid YAML: /],
    ["broken.json", '{"model": "gpt-4o",, }', /^invalid JSON: /],
    ["broken.toml", "model = \n", /^invalid TOML: /],
    ["dup.toml", "model = \"a\"\nmodel = \"b\"\n", /^invalid TOML: /],
  ])("%s is skipped with one line", async (file, code, reason) => {
    const { mentions, skipped } = await run(file, code);
    expect(mentions).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toMatch(reason);
    expect(skipped[0]!.reason).not.toContain("\n");
  });

  it("does not expand an alias bomb", async () => {
    const lines = ["a: &a [model-x, model-x]"];
    for (let i = 1; i < 30; i++) lines.push(`${String.fromCharCode(97 + (i % 26))}${i}: &a${i} [*${i === 1 ? "a" : `a${i - 1}`}, *${i === 1 ? "a" : `a${i - 1}`}]`);
    const started = Date.now();
    const { mentions } = await run("bomb.yaml", lines.join("\n") + "\n");
    expect(mentions).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe("config detector: file selection", () => {
  it.each([
    ["package.json", undefined], ["package-lock.json", undefined], ["tsconfig.build.json", undefined],
    [".vscode/settings.json", undefined], ["pnpm-lock.yaml", undefined], ["nb.ipynb", undefined],
    ["a/.env.production", "env"], ["conf/app.yml", "yaml"], ["pyproject.toml", "toml"], ["tox.ini", "ini"],
  ])("%s → %s", (path, format) => {
    expect(configFormat(path)).toBe(format);
  });
});

describe("config detector: large JSON data files", () => {
  it("checks string values of a large JSON file without a model key, positions exact", async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `  {"id": ${i}, "label": "row ${i}", "note": "plain text"}`);
    rows[1500] = `  {"id": 1500, "label": "gpt-4o-mini", "link": "https://huggingface.co/openai-community/gpt2"}`;
    const code = `[\n${rows.join(",\n")}\n]\n`;
    expect(code.length).toBeGreaterThan(64 * 1024);
    const { mentions, skipped } = await run("data/rows.json", code);
    expect(skipped).toEqual([]);
    expect(mentions.map((m) => [m.value, m.line, m.column, m.evidence])).toEqual([
      ["gpt-4o-mini", 1502, 26, "literal"],
      ["openai-community/gpt2", 1502, 72, "url"],
    ]);
  });

  it("skips a large malformed JSON file with one line", async () => {
    const { skipped } = await run("data/big.json", `[${'"x",'.repeat(20_000)}]`);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.reason).toMatch(/^invalid JSON: /);
  });
});

describe("lone CR line endings", () => {
  it("a YAML file with old Mac line endings parses, with positions as editors count them", async () => {
    const ctx = makeContext([]);
    const mentions = await configDetector.detect([{ path: "train.yaml", text: "epochs: 3\rbase_model: meta-llama/Llama-3.1-8B\r" }], ctx);
    expect(ctx.skipped).toEqual([]);
    expect(mentions.map((m) => [m.value, m.line, m.column])).toEqual([["meta-llama/Llama-3.1-8B", 2, 13]]);
  });
});
