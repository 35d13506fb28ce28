// Deterministic synthetic corpus for `npm run bench`: several thousand files of the shapes a
// monorepo holds, with model references at known places. Same seed, same bytes.
import { mkdirSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const API_MODELS = ["gpt-4o", "gpt-4o-mini", "gpt-3.5-turbo-0613", "text-davinci-003", "claude-3-5-sonnet-20240620", "claude-2.1", "gemini-1.5-pro", "mistral-large-latest"];
const HUB_MODELS = ["meta-llama/Llama-3.1-8B-Instruct", "Qwen/Qwen2.5-7B-Instruct", "runwayml/stable-diffusion-v1-5", "sentence-transformers/all-MiniLM-L6-v2", "mistralai/Mistral-7B-Instruct-v0.2", "google/gemma-2-9b-it", "bert-base-uncased", "openai/whisper-large-v3"];
const WORDS = "user account order invoice cart session token route handler service client config cache queue worker event payload request response item list map value index report".split(" ");

export function generateCorpus(root, { seed = 42, files = 4000 } = {}) {
  const stamp = join(root, ".corpus.json");
  if (existsSync(stamp)) {
    const meta = JSON.parse(readFileSync(stamp, "utf8"));
    if (meta.seed === seed && meta.files === files) return meta;
  }
  const rand = mulberry32(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const word = () => pick(WORDS);
  let expected = 0;
  const write = (rel, content) => {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  };
  const plainTs = (n) => Array.from({ length: n }, (_, i) =>
    `export function ${word()}${i}(input: { ${word()}: string; ${word()}: number }) {\n  const ${word()} = input.${word()} ?? "${word()}/${word()}";\n  return { ok: true, path: \`/api/${word()}/\${input}\` };\n}\n`).join("\n");
  for (let i = 0; i < files; i++) {
    const pkg = `packages/pkg-${i % 60}`;
    const r = rand();
    if (r < 0.38) {
      const withModel = rand() < 0.15;
      let body = `import { z } from "zod";\n\n${plainTs(3 + Math.floor(rand() * 6))}`;
      if (withModel) {
        const model = pick(API_MODELS);
        body = `import OpenAI from "openai";\n\nconst client = new OpenAI();\nconst MODEL = process.env.CHAT_MODEL ?? "${model}";\n\nexport async function ask(q: string) {\n  return client.chat.completions.create({ model: MODEL, messages: [{ role: "user", content: q }] });\n}\n\n${body}`;
        expected++;
      }
      write(`${pkg}/src/${word()}-${i}.ts`, body);
    } else if (r < 0.45) {
      write(`${pkg}/lib/${word()}-${i}.js`, `"use strict";\nconst ${word()} = require("./${word()}");\nmodule.exports = function ${word()}${i}(a, b) { return a + b + "${word()}"; };\n`.repeat(4));
    } else if (r < 0.62) {
      const withModel = rand() < 0.3;
      let body = `import os\nimport json\n\n\ndef ${word()}_${i}(path: str) -> dict:\n    with open(path) as fh:\n        return json.load(fh)\n\n`.repeat(3);
      if (withModel) {
        const model = pick(HUB_MODELS);
        body = `from transformers import AutoModelForCausalLM, AutoTokenizer\n\nMODEL_ID = os.environ.get("MODEL_ID", "${model}")\n\ntokenizer = AutoTokenizer.from_pretrained(MODEL_ID)\nmodel = AutoModelForCausalLM.from_pretrained(MODEL_ID)\n\n${body}`;
        expected++;
      }
      write(`services/svc-${i % 25}/${word()}_${i}.py`, body);
    } else if (r < 0.66) {
      const model = pick(HUB_MODELS);
      const nb = { cells: [
        { cell_type: "markdown", metadata: {}, source: ["# Experiment\n", "Load the model."] },
        { cell_type: "code", metadata: {}, execution_count: 1, outputs: [], source: ["from transformers import pipeline\n", `pipe = pipeline("text-generation", model="${model}")\n`] },
      ], metadata: { kernelspec: { name: "python3", display_name: "Python 3", language: "python" } }, nbformat: 4, nbformat_minor: 5 };
      expected++;
      write(`notebooks/${word()}-${i}.ipynb`, JSON.stringify(nb, null, 1));
    } else if (r < 0.76) {
      const withModel = rand() < 0.3;
      const model = pick(HUB_MODELS);
      write(`configs/${word()}-${i}.yaml`, `name: ${word()}\nreplicas: ${i % 7}\n${withModel ? `base_model: ${model}\n` : ""}env:\n  - ${word()}\n  - ${word()}\n`);
      if (withModel) expected++;
    } else if (r < 0.81) {
      write(`${pkg}/${word()}-${i}.json`, JSON.stringify({ name: word(), items: Array.from({ length: 20 }, () => word()) }, null, 2));
    } else if (r < 0.84) {
      write(`configs/${word()}-${i}.toml`, `[server]\nport = ${8000 + i}\nhost = "0.0.0.0"\n\n[${word()}]\nenabled = true\n`);
    } else if (r < 0.86) {
      write(`docker/${word()}-${i}/Dockerfile`, `FROM python:3.11-slim\nRUN pip install vllm\nENV MODEL=${pick(HUB_MODELS)}\nCMD ["vllm", "serve", "$MODEL"]\n`);
      expected++;
    } else if (r < 0.95) {
      write(`docs/${word()}-${i}.md`, `# ${word()}\n\n${Array.from({ length: 30 }, () => WORDS.join(" ")).join("\n")}\n`);
    } else if (r < 0.975) {
      const bytes = Buffer.alloc(4096 + (i % 4096));
      for (let b = 0; b < bytes.length; b++) bytes[b] = Math.floor(rand() * 256);
      write(i % 2 ? `assets/blob-${i}.js` : `assets/img-${i}.png`, bytes);
    } else if (r < 0.985) {
      write(`${pkg}/dist-bundle/app-${i}.min.js`, `!function(){${Array.from({ length: 4000 }, (_, k) => `var a${k}=function(b){return b+${k}};`).join("")}}();`);
    } else {
      write(`${pkg}/package-lock.json`, JSON.stringify({ name: `pkg-${i}`, lockfileVersion: 3, requires: true, packages: Object.fromEntries([["", { name: `pkg-${i}`, dependencies: { openai: "^4.0.0" } }], ["node_modules/openai", { version: "4.52.0", resolved: "https://registry.npmjs.org/openai/-/openai-4.52.0.tgz", integrity: "sha512-x" }], ...Array.from({ length: 200 }, (_, k) => [`node_modules/dep-${k}`, { version: `1.${k}.0` }])]) }, null, 2));
      write(`${pkg}/package.json`, JSON.stringify({ name: `pkg-${i}`, version: "1.0.0", dependencies: { openai: "^4.0.0" } }, null, 2));
    }
  }
  const meta = { seed, files, expectedModelReferences: expected };
  writeFileSync(stamp, JSON.stringify(meta));
  return meta;
}
