import { describe, expect, it } from "vitest";
import { dockerfileDetector } from "../src/detect/dockerfile.js";
import { shellDetector } from "../src/detect/shell.js";
import type { Detector, ModelMention } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

interface Row {
  code: string;
  file?: string;
  expected: { value: string; line: number; column: number; dynamic?: boolean; providerHint?: string; via?: string }[];
}

async function run(detector: Detector, file: string, code: string, known: string[] = []): Promise<ModelMention[]> {
  expect(detector.accepts(file)).toBe(true);
  const mentions = await detector.detect([{ path: file, text: code }], makeContext(known));
  return mentions.filter((m): m is ModelMention => m.kind === "model");
}

function shape(m: ModelMention, row: Row["expected"][number]): Record<string, unknown> {
  const out: Record<string, unknown> = { value: m.value, line: m.line, column: m.column };
  if (row.dynamic !== undefined) out.dynamic = m.dynamic ?? false;
  if (row.providerHint !== undefined) out.providerHint = m.providerHint;
  if (row.via !== undefined) out.via = m.via;
  return out;
}

function table(detector: Detector, defaultFile: string, valid: string[], invalid: Row[]): void {
  describe(`${detector.name} valid`, () => {
    it.each(valid.map((code) => [code]))("%j has no model", async (code) => {
      expect(await run(detector, defaultFile, code, ["gpt-4o"])).toEqual([]);
    });
  });
  describe(`${detector.name} invalid`, () => {
    it.each(invalid.map((row) => [row.code, row]))("%j", async (_, row) => {
      const found = await run(detector, row.file ?? defaultFile, row.code, ["gpt-4o"]);
      expect(found.map((m, i) => shape(m, row.expected[i] ?? row.expected[0]!))).toEqual(row.expected);
    });
  });
}

table(
  shellDetector,
  "scripts/serve.sh",
  [
    "#!/bin/sh\n# ollama pull llama3\necho done\n",
    "python train.py --model ./checkpoints/last\n",
    "huggingface-cli download --repo-type dataset HuggingFaceH4/ultrachat_200k\n",
    "vllm serve --help\n",
    "gh release create --repo owner/name v1\n",
    "python serve.py --served-model-name gpt-4o-local --port 8000\n",
    "MODEL_DIR=models/llama\n",
    "export MODEL_TYPE=LlamaForCausalLM\n",
  ],
  [
    { code: "ollama pull llama3.1:8b\n", expected: [{ value: "llama3.1:8b", line: 1, column: 13, providerHint: "ollama" }] },
    { code: "ollama run --verbose 'qwen2.5:7b-instruct-q4_K_M'\n", expected: [{ value: "qwen2.5:7b-instruct-q4_K_M", line: 1, column: 23 }] },
    { code: "huggingface-cli download --local-dir out meta-llama/Llama-3.1-8B-Instruct\n", expected: [{ value: "meta-llama/Llama-3.1-8B-Instruct", line: 1, column: 42, via: "huggingface-cli download" }] },
    { code: "hf download Qwen/Qwen2.5-7B-Instruct\n", expected: [{ value: "Qwen/Qwen2.5-7B-Instruct", line: 1, column: 13 }] },
    { code: "python -m vllm.entrypoints.openai.api_server \\\n  --host 0.0.0.0 \\\n  --model=\"mistralai/Mistral-7B-Instruct-v0.3\"\n", expected: [{ value: "mistralai/Mistral-7B-Instruct-v0.3", line: 3, column: 12, via: "--model" }] },
    { code: "text-generation-launcher --model-id bigscience/bloom-560m --port 80\n", expected: [{ value: "bigscience/bloom-560m", line: 1, column: 37 }] },
    { code: "export MODEL_NAME=\"${MODEL_NAME:-google/gemma-2-9b-it}\"\n", expected: [{ value: "google/gemma-2-9b-it", line: 1, column: 34 }] },
    { code: "vllm serve \"$1\" --port 8000\n", expected: [{ value: "$1", line: 1, column: 13, dynamic: true }] },
    { code: "MODEL=microsoft/phi-4\r\necho hi\r\nvllm serve $MODEL\r\n", expected: [{ value: "microsoft/phi-4", line: 1, column: 7 }] },
    { code: "M=gpt-4o\npython run.py --model $M # comment\n", expected: [{ value: "gpt-4o", line: 1, column: 3, via: "--model" }] },
    { code: "cd app && exec uv run vllm serve Qwen/Qwen3-8B\n", expected: [{ value: "Qwen/Qwen3-8B", line: 1, column: 34 }] },
    { code: "wget https://huggingface.co/TheBloke/Llama-2-7B-GGUF/resolve/main/llama-2-7b.Q4_K_M.gguf\n", expected: [{ value: "TheBloke/Llama-2-7B-GGUF", line: 1, column: 29 }] },
    { file: "Makefile", code: "MODEL ?= mistral\n\nserve:\n\t@ollama run $(MODEL)\n", expected: [{ value: "mistral", line: 1, column: 10, providerHint: "ollama" }] },
    { code: "OLLAMA_MODEL=nomic-embed-text\n", expected: [{ value: "nomic-embed-text", line: 1, column: 14, providerHint: "ollama" }] },
  ],
);

table(
  dockerfileDetector,
  "Dockerfile",
  [
    "FROM vllm/vllm-openai:v0.6.3\nEXPOSE 8000\n",
    "FROM python:3.12\n# ENV MODEL=gpt-4o\nRUN pip install -r requirements.txt\n",
    "ENV MODEL_PATH=/models/llama\n",
    "ARG MODEL\nENV MODEL=${MODEL}\n".replace("ENV MODEL=${MODEL}\n", ""),
  ],
  [
    { code: "FROM vllm/vllm-openai\nENV MODEL=meta-llama/Llama-3.1-8B-Instruct\nCMD vllm serve $MODEL\n", expected: [{ value: "meta-llama/Llama-3.1-8B-Instruct", line: 2, column: 11 }] },
    { code: "ENV MODEL_ID Qwen/Qwen2.5-0.5B\n", expected: [{ value: "Qwen/Qwen2.5-0.5B", line: 1, column: 14 }] },
    { code: "ARG BASE_MODEL=\"NousResearch/Meta-Llama-3-8B\"\n", expected: [{ value: "NousResearch/Meta-Llama-3-8B", line: 1, column: 17 }] },
    { code: "FROM ollama/ollama\nRUN ollama serve & sleep 5 && \\\n    ollama pull llama3.2:3b\n", expected: [{ value: "llama3.2:3b", line: 3, column: 17, providerHint: "ollama" }] },
    { code: "ENTRYPOINT [\"python3\", \"-m\", \"vllm.entrypoints.openai.api_server\", \"--model\", \"microsoft/Phi-3-mini-4k-instruct\"]\n", expected: [{ value: "microsoft/Phi-3-mini-4k-instruct", line: 1, column: 80 }] },
    { code: "ARG MODEL\nCMD [\"vllm\", \"serve\", \"${MODEL}\"]\n", expected: [{ value: "${MODEL}", line: 2, column: 24, dynamic: true }] },
    { code: "RUN huggingface-cli download \\\n    # weights only\n    BAAI/bge-small-en-v1.5\n", expected: [{ value: "BAAI/bge-small-en-v1.5", line: 3, column: 5 }] },
    { file: "docker/gpu.Dockerfile", code: "CMD text-generation-launcher --model-id $MODEL_ID\n", expected: [{ value: "$MODEL_ID", line: 1, column: 41, dynamic: true }] },
    { file: "Containerfile", code: "RUN <<EOF\nollama pull mistral\nEOF\n", expected: [{ value: "mistral", line: 2, column: 13 }] },
    { code: "env model_name=gpt-4o\n", expected: [{ value: "gpt-4o", line: 1, column: 16 }] },
  ],
);
