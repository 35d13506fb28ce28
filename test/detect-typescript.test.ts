/**
 * Table harness for the TypeScript/JavaScript detector, RuleTester style: `valid` snippets must
 * yield no model mention; `invalid` ones yield exactly the listed mentions (value, line, column,
 * and `dynamic` / `usedAt` where the row is about them). Columns are 1-based UTF-16 code units.
 */
import { describe, expect, it } from "vitest";
import { detectTypescript } from "../src/detect/typescript/index.js";
import type { ModelMention, SourceFile } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

interface Expected {
  file: string;
  value: string;
  line: number;
  column: number;
  dynamic?: true;
  usedAt?: { file: string; line: number; column: number }[];
}
interface Row {
  name: string;
  files: SourceFile[];
  expected?: Expected[];
}

/** Ids the test database knows; everything else must come from a model position or a hub URL. */
const KNOWN = ["gpt-4o", "gpt-4o-mini", "gemini-1.5-pro", "claude-3-5-sonnet-20241022", "text-davinci-003", "gpt-4", "command", "mistral"];
const PROVIDERS = {
  "npm:openai": "openai",
  "npm:@ai-sdk/openai": "openai",
  "npm:@ai-sdk/anthropic": "anthropic",
  "host:api.openai.com": "openai",
  "host:api.anthropic.com": "anthropic",
};

function modelsOf(files: SourceFile[]): Expected[] {
  const ctx = makeContext(KNOWN, PROVIDERS);
  const mentions = detectTypescript(files, ctx).filter((m): m is ModelMention => m.kind === "model");
  return mentions.map((m) => ({
    file: m.file,
    value: m.value,
    line: m.line,
    column: m.column,
    ...(m.dynamic ? { dynamic: true as const } : {}),
    ...(m.usedAt ? { usedAt: m.usedAt.map((u) => ({ file: u.file, line: u.line, column: u.column })) } : {}),
  }));
}

function byPlace(a: Expected, b: Expected): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.value.localeCompare(b.value);
}

const valid: Row[] = [
  // From a scan of vercel/ai: helpers exported by provider packages are not provider instances.
  { name: "a stream helper from @ai-sdk/provider-utils/test is not a model factory", files: [
      { path: "src/a.test.ts", text: `import { convertReadableStreamToArray } from "@ai-sdk/provider-utils/test";
await convertReadableStreamToArray(stream);
` },
    ] },
  { name: "a tool helper from a harness package is not a model factory", files: [
      { path: "src/h.ts", text: `import { commonTool } from "@ai-sdk/harness-claude-code";
const bash = commonTool("bash", { description: "run" });
` },
    ] },
  { name: "a family prefix test does not name a model", files: [
      { path: "src/caps.ts", text: `export const isGpt4 = (modelId: string) => modelId.startsWith("gpt-4") || modelId.includes("gpt-4o");
` },
    ] },
  { name: "a single word the database knows is a model only in a model position", files: [
      { path: "src/schema.ts", text: `const s = z.discriminatedUnion("command", [a, b]);
const card = { title: "mistral", required: ["command"] };
` },
    ] },
  { name: "file paths are not models", files: [
      { path: "src/app.ts", text: `import { join } from "node:path";
const p = join("src/utils", "index.ts");
` },
    ] },
  { name: "a GitHub slug is not a model", files: [
      { path: "src/app.ts", text: `const repo = "facebook/react";
console.log(repo);
` },
    ] },
  { name: "route strings are not models", files: [
      { path: "src/app.ts", text: `app.get("/api/models/:id", handler);
router.post("models/upload", upload);
` },
    ] },
  { name: "JSX text and class names", files: [
      { path: "src/App.tsx", text: `import React from "react";
export const App = () => <div className="model-card">{"llama"}</div>;
` },
    ] },
  { name: "a database model is not an AI model", files: [
      { path: "src/app.ts", text: `const User = mongoose.model("User", schema);
const m = new Model({ name: "user" });
` },
    ] },
  { name: "Twilio messages.create has no model key", files: [
      { path: "src/app.ts", text: `await client.messages.create({ body: "hi", from: "+15550100", to: "+15550101" });
` },
    ] },
  { name: "node stream pipeline", files: [
      { path: "src/app.ts", text: `import { pipeline } from "node:stream/promises";
await pipeline(source, transform, "dest");
` },
    ] },
  { name: "a model key outside any SDK call, unknown id", files: [
      { path: "src/app.ts", text: `const query = { model: "User", where: { id: 1 } };
db.find(query);
` },
    ] },
  { name: "fetch with a model field to an unknown host", files: [
      { path: "src/app.ts", text: `await fetch("https://example.com/api", { method: "POST", body: JSON.stringify({ model: "foo-1" }) });
` },
    ] },
  { name: "Hugging Face docs, datasets and spaces URLs", files: [
      { path: "src/app.ts", text: `const a = "https://huggingface.co/docs/transformers/index";
const b = "https://huggingface.co/datasets/squad/viewer";
const c = "https://huggingface.co/spaces/org/demo";
` },
    ] },
  { name: "chat() on something that is not an Ollama client", files: [
      { path: "src/app.ts", text: `socket.chat({ model: "x-room" });
` },
    ] },
  { name: "OpenAI client constructor takes no model", files: [
      { path: "src/app.ts", text: `import OpenAI from "openai";
const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY, baseURL: cfg.url });
` },
    ] },
  { name: "an AI SDK factory call creates a provider, not a model", files: [
      { path: "src/app.ts", text: `import { createOpenAI } from "@ai-sdk/openai";
const p = createOpenAI({ baseURL: "https://gateway.local/v1" });
` },
    ] },
  { name: "unknown plain strings", files: [
      { path: "src/app.ts", text: `const s = "text-embedding-custom";
export const routes = ["users/list", "models/index"];
` },
    ] },
  { name: "run() on something that is not Replicate", files: [
      { path: "src/app.ts", text: `runner.run("owner/thing");
` },
    ] },
  { name: "model ids in comments", files: [
      { path: "src/app.ts", text: `// we used gpt-4o before
/* "claude-3-5-sonnet-20241022" */
const a = 1;
` },
    ] },
  { name: "syntax errors do not throw", files: [
      { path: "src/app.ts", text: `const = = "my-model" ((
openai.chat.completions.create({ model: 
` },
    ] },
  { name: "a provider-like call without the AI SDK import", files: [
      { path: "src/app.ts", text: `const res = await generateText({ model: openai("my-model"), prompt });
` },
    ] },
  { name: "decorators and class fields", files: [
      { path: "src/app.ts", text: `@Component({ selector: "app-model" })
export class ModelView {
  @Input() model = "view";
}
` },
    ] },
  { name: "AI SDK call with a provider object is left to the factory", files: [
      { path: "src/app.ts", text: `import { generateText } from "ai";
const res = await generateText({ model: myModel, prompt });
` },
    ] },
];

const invalid: Row[] = [
  {
    name: "OpenAI chat completion",
    files: [
      { path: "src/app.ts", text: `await openai.chat.completions.create({ model: "gpt-4o-mini", messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 48 },
    ],
  },
  {
    name: "Anthropic messages.create",
    files: [
      { path: "src/app.ts", text: `const msg = await anthropic.messages.create({
  model: "claude-3-haiku-20240307",
  max_tokens: 1024,
  messages,
});
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-haiku-20240307", line: 2, column: 11 },
    ],
  },
  {
    name: "Anthropic beta stream through this.client",
    files: [
      { path: "src/app.ts", text: `const stream = this.client.beta.messages.stream({ model: "claude-3-7-sonnet-20250219", max_tokens: 64, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-7-sonnet-20250219", line: 1, column: 59 },
    ],
  },
  {
    name: "OpenAI structured outputs",
    files: [
      { path: "src/app.ts", text: `const r = await openai.beta.chat.completions.parse({ model: "gpt-4o-2024-08-06", messages, response_format });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-2024-08-06", line: 1, column: 62 },
    ],
  },
  {
    name: "OpenAI images, speech and transcription",
    files: [
      { path: "src/app.ts", text: `await openai.images.generate({ model: "dall-e-3", prompt });
await openai.audio.speech.create({ model: "tts-1", voice: "alloy", input });
await openai.audio.transcriptions.create({ file, model: "whisper-1" });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "dall-e-3", line: 1, column: 40 },
      { file: "src/app.ts", value: "tts-1", line: 2, column: 44 },
      { file: "src/app.ts", value: "whisper-1", line: 3, column: 58 },
    ],
  },
  {
    name: "Google getGenerativeModel",
    files: [
      { path: "src/app.ts", text: `const model = genAI.getGenerativeModel({ model: "gemini-1.5-flash" });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gemini-1.5-flash", line: 1, column: 50 },
    ],
  },
  {
    name: "Google Gen AI models.generateContent",
    files: [
      { path: "src/app.ts", text: `const res = await ai.models.generateContent({ model: "gemini-2.0-flash", contents: "hi" });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gemini-2.0-flash", line: 1, column: 55 },
    ],
  },
  {
    name: "AI SDK provider factory",
    files: [
      { path: "src/app.ts", text: `import { openai } from "@ai-sdk/openai";
import { generateText } from "ai";
const { text } = await generateText({ model: openai("gpt-4o-mini"), prompt });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 3, column: 54 },
    ],
  },
  {
    name: "AI SDK provider method and alias",
    files: [
      { path: "src/app.ts", text: `import { openai } from "@ai-sdk/openai";
import { anthropic as claude } from "@ai-sdk/anthropic";
const e = openai.embedding("text-embedding-3-small");
const c = claude("claude-3-5-haiku-latest");
` },
    ],
    expected: [
      { file: "src/app.ts", value: "text-embedding-3-small", line: 3, column: 29 },
      { file: "src/app.ts", value: "claude-3-5-haiku-latest", line: 4, column: 19 },
    ],
  },
  {
    name: "AI SDK custom provider instance",
    files: [
      { path: "src/app.ts", text: `import { createOpenAI } from "@ai-sdk/openai";
const groq = createOpenAI({ baseURL: "https://api.groq.com/openai/v1" });
export const fast = groq("llama-3.1-8b-instant");
` },
    ],
    expected: [
      { file: "src/app.ts", value: "llama-3.1-8b-instant", line: 3, column: 27 },
    ],
  },
  {
    name: "AI SDK provider created inline",
    files: [
      { path: "src/app.ts", text: `import { createAnthropic } from "@ai-sdk/anthropic";
const m = createAnthropic({ apiKey })("claude-3-5-sonnet-latest");
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-5-sonnet-latest", line: 2, column: 40 },
    ],
  },
  {
    name: "AI SDK gateway string",
    files: [
      { path: "src/app.ts", text: `import { streamText } from "ai";
const result = streamText({ model: "openai/gpt-4.1", prompt });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "openai/gpt-4.1", line: 2, column: 37 },
    ],
  },
  {
    name: "LangChain ChatOpenAI",
    files: [
      { path: "src/app.ts", text: `import { ChatOpenAI } from "@langchain/openai";
const llm = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 2, column: 38 },
    ],
  },
  {
    name: "LangChain modelName and ChatOllama",
    files: [
      { path: "src/app.ts", text: `const a = new ChatAnthropic({ modelName: "claude-3-opus-20240229" });
const b = new ChatOllama({ model: "llama3.1:8b", baseUrl });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-opus-20240229", line: 1, column: 43 },
      { file: "src/app.ts", value: "llama3.1:8b", line: 2, column: 36 },
    ],
  },
  {
    name: "transformers.js pipeline",
    files: [
      { path: "src/app.ts", text: `import { pipeline } from "@xenova/transformers";
const extractor = await pipeline("feature-extraction", "Xenova/all-MiniLM-L6-v2");
` },
    ],
    expected: [
      { file: "src/app.ts", value: "Xenova/all-MiniLM-L6-v2", line: 2, column: 57 },
    ],
  },
  {
    name: "transformers.js from_pretrained",
    files: [
      { path: "src/app.ts", text: `const tokenizer = await AutoTokenizer.from_pretrained("Xenova/bert-base-uncased");
const model = await AutoModel.from_pretrained("Xenova/bert-base-uncased");
` },
    ],
    expected: [
      { file: "src/app.ts", value: "Xenova/bert-base-uncased", line: 1, column: 56 },
      { file: "src/app.ts", value: "Xenova/bert-base-uncased", line: 2, column: 48 },
    ],
  },
  {
    name: "ollama default import",
    files: [
      { path: "src/app.ts", text: `import ollama from "ollama";
const r = await ollama.chat({ model: "llama3.2", messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "llama3.2", line: 2, column: 39 },
    ],
  },
  {
    name: "Ollama client instance",
    files: [
      { path: "src/app.ts", text: `import { Ollama } from "ollama";
const client = new Ollama({ host });
await client.generate({ model: "mistral", prompt });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "mistral", line: 3, column: 33 },
    ],
  },
  {
    name: "Hugging Face Inference",
    files: [
      { path: "src/app.ts", text: `const out = await hf.textGeneration({ model: "gpt2", inputs: "The answer is" });
const v = await hf.featureExtraction({ model: "sentence-transformers/all-MiniLM-L6-v2", inputs });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt2", line: 1, column: 47 },
      { file: "src/app.ts", value: "sentence-transformers/all-MiniLM-L6-v2", line: 2, column: 48 },
    ],
  },
  {
    name: "Replicate run with a version",
    files: [
      { path: "src/app.ts", text: `const output = await replicate.run("stability-ai/sdxl:39ed52f2a78e934b3ba6e2a89f5b1c712de7dfea535525255b1aa35c5565e08b", { input });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "stability-ai/sdxl", line: 1, column: 37 },
    ],
  },
  {
    name: "fetch to the OpenAI API",
    files: [
      { path: "src/app.ts", text: `const res = await fetch("https://api.openai.com/v1/chat/completions", {
  method: "POST",
  body: JSON.stringify({ model: "gpt-4-turbo", messages }),
});
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4-turbo", line: 3, column: 34 },
    ],
  },
  {
    name: "fetch with a URL and body built from constants",
    files: [
      { path: "src/app.ts", text: `const BASE = "https://api.anthropic.com/v1";
const payload = { model: "claude-3-5-haiku-20241022", max_tokens: 100 };
await fetch(\`\${BASE}/messages\`, { method: "POST", body: JSON.stringify(payload) });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-5-haiku-20241022", line: 2, column: 27, usedAt: [{ file: "src/app.ts", line: 3, column: 7 }] },
    ],
  },
  {
    name: "const binding",
    files: [
      { path: "src/app.ts", text: `const MODEL = "gpt-4o-mini";
await openai.chat.completions.create({ model: MODEL, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 16, usedAt: [{ file: "src/app.ts", line: 2, column: 47 }] },
    ],
  },
  {
    name: "object config spread into the call",
    files: [
      { path: "src/app.ts", text: `const cfg = { model: "claude-3-5-haiku-20241022", max_tokens: 512 };
await anthropic.messages.create({ ...cfg, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-5-haiku-20241022", line: 1, column: 23, usedAt: [{ file: "src/app.ts", line: 2, column: 7 }] },
    ],
  },
  {
    name: "object config property",
    files: [
      { path: "src/app.ts", text: `const cfg = { model: "claude-3-5-haiku-20241022", max_tokens: 512 };
await anthropic.messages.create({ model: cfg.model, max_tokens: cfg.max_tokens, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-5-haiku-20241022", line: 1, column: 23, usedAt: [{ file: "src/app.ts", line: 2, column: 42 }] },
    ],
  },
  {
    name: "default parameter",
    files: [
      { path: "src/app.ts", text: `async function ask(prompt: string, model = "gpt-4o-mini") {
  return openai.chat.completions.create({ model, messages: [{ role: "user", content: prompt }] });
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 45, usedAt: [{ file: "src/app.ts", line: 2, column: 43 }] },
    ],
  },
  {
    name: "destructured default",
    files: [
      { path: "src/app.ts", text: `function ask({ model = "gpt-4o" }: Opts) {
  return openai.responses.create({ model, input: "x" });
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o", line: 1, column: 25, usedAt: [{ file: "src/app.ts", line: 2, column: 36 }] },
    ],
  },
  {
    name: "env fallback with ??",
    files: [
      { path: "src/app.ts", text: `const MODEL = process.env.OPENAI_MODEL ?? "gpt-4o-mini";
await openai.chat.completions.create({ model: MODEL, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 44, usedAt: [{ file: "src/app.ts", line: 2, column: 47 }] },
    ],
  },
  {
    name: "env fallback with || inline",
    files: [
      { path: "src/app.ts", text: `await openai.chat.completions.create({ model: process.env.OPENAI_MODEL || "gpt-4o-mini", messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 76 },
    ],
  },
  {
    name: "conditional expression: both branches",
    files: [
      { path: "src/app.ts", text: `await openai.chat.completions.create({ model: isProd ? "gpt-4o" : "gpt-4o-mini", messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o", line: 1, column: 57 },
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 68 },
    ],
  },
  {
    name: "template literal with constant parts",
    files: [
      { path: "src/app.ts", text: `const SIZE = "mini";
await openai.chat.completions.create({ model: \`gpt-4o-\${SIZE}\`, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 2, column: 47 },
    ],
  },
  {
    name: "concatenation of constants",
    files: [
      { path: "src/app.ts", text: `const FAMILY = "claude-3-5";
const MODEL = FAMILY + "-haiku-latest";
await anthropic.messages.create({ model: MODEL, max_tokens: 10, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-5-haiku-latest", line: 2, column: 15, usedAt: [{ file: "src/app.ts", line: 3, column: 42 }] },
    ],
  },
  {
    name: "a parameter is dynamic",
    files: [
      { path: "src/app.ts", text: `export function run(model: string) {
  return openai.chat.completions.create({ model: model, messages });
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "model", line: 2, column: 50, dynamic: true },
    ],
  },
  {
    name: "an env var without fallback is dynamic",
    files: [
      { path: "src/app.ts", text: `await openai.chat.completions.create({ model: process.env.OPENAI_MODEL, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "process.env.OPENAI_MODEL", line: 1, column: 47, dynamic: true },
    ],
  },
  {
    name: "an unreadable options object is dynamic",
    files: [
      { path: "src/app.ts", text: `export function complete(params: Params) {
  return openai.chat.completions.create(params);
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "params", line: 2, column: 41, dynamic: true },
    ],
  },
  {
    name: "a function call is dynamic",
    files: [
      { path: "src/app.ts", text: `await anthropic.messages.create({ model: pickModel(user.plan), max_tokens: 10, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "pickModel(user.plan)", line: 1, column: 42, dynamic: true },
    ],
  },
  {
    name: "known ids in a catalog array",
    files: [
      { path: "src/app.ts", text: `export const SUPPORTED = ["gpt-4o", "gemini-1.5-pro", "house-model"] as const;
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o", line: 1, column: 28 },
      { file: "src/app.ts", value: "gemini-1.5-pro", line: 1, column: 38 },
    ],
  },
  {
    name: "known ids in a union type",
    files: [
      { path: "src/app.ts", text: `export type Model = "gpt-4o" | "claude-3-5-sonnet-20241022";
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o", line: 1, column: 22 },
      { file: "src/app.ts", value: "claude-3-5-sonnet-20241022", line: 1, column: 33 },
    ],
  },
  {
    name: "Hugging Face model URL",
    files: [
      { path: "src/app.ts", text: `const card = "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct";
` },
    ],
    expected: [
      { file: "src/app.ts", value: "meta-llama/Llama-3.1-8B-Instruct", line: 1, column: 15 },
    ],
  },
  {
    name: "Hugging Face resolve URL in a template",
    files: [
      { path: "src/app.ts", text: `const url = \`https://huggingface.co/Xenova/whisper-tiny/resolve/main/\${file}\`;
` },
    ],
    expected: [
      { file: "src/app.ts", value: "Xenova/whisper-tiny", line: 1, column: 14 },
    ],
  },
  {
    name: "enum member",
    files: [
      { path: "src/app.ts", text: `enum Models { Fast = "gpt-4o-mini", Smart = "o1" }
await openai.chat.completions.create({ model: Models.Fast, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 23, usedAt: [{ file: "src/app.ts", line: 2, column: 47 }] },
    ],
  },
  {
    name: "class field read through this",
    files: [
      { path: "src/app.ts", text: `class Summarizer {
  private readonly model = "claude-3-5-sonnet-latest";
  run() {
    return this.client.messages.create({ model: this.model, max_tokens: 10, messages: [] });
  }
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-5-sonnet-latest", line: 2, column: 29, usedAt: [{ file: "src/app.ts", line: 4, column: 49 }] },
    ],
  },
  {
    name: "constructor parameter property default",
    files: [
      { path: "src/app.ts", text: `class Embedder {
  constructor(private readonly model = "text-embedding-3-large") {}
  embed(input: string) {
    return openai.embeddings.create({ model: this.model, input });
  }
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "text-embedding-3-large", line: 2, column: 41, usedAt: [{ file: "src/app.ts", line: 4, column: 46 }] },
    ],
  },
  {
    name: "loop over a list of models",
    files: [
      { path: "src/app.ts", text: `for (const m of ["text-embedding-3-small", "text-embedding-3-large"]) {
  await openai.embeddings.create({ model: m, input });
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "text-embedding-3-small", line: 1, column: 19, usedAt: [{ file: "src/app.ts", line: 2, column: 43 }] },
      { file: "src/app.ts", value: "text-embedding-3-large", line: 1, column: 45, usedAt: [{ file: "src/app.ts", line: 2, column: 43 }] },
    ],
  },
  {
    name: "map over a const array",
    files: [
      { path: "src/app.ts", text: `const MODELS = ["gpt-4o-mini", "o3-mini"];
await Promise.all(MODELS.map((model) => openai.chat.completions.create({ model, messages })));
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 18, usedAt: [{ file: "src/app.ts", line: 2, column: 74 }] },
      { file: "src/app.ts", value: "o3-mini", line: 1, column: 33, usedAt: [{ file: "src/app.ts", line: 2, column: 74 }] },
    ],
  },
  {
    name: "one reference however many calls use it",
    files: [
      { path: "src/app.ts", text: `const MODEL = "claude-3-5-haiku-20241022";
await anthropic.messages.create({ model: MODEL, max_tokens: 1, messages });
await anthropic.messages.create({ model: MODEL, max_tokens: 2, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "claude-3-5-haiku-20241022", line: 1, column: 16, usedAt: [{ file: "src/app.ts", line: 2, column: 42 }, { file: "src/app.ts", line: 3, column: 42 }] },
    ],
  },
  {
    name: "explicit key after an unreadable spread",
    files: [
      { path: "src/app.ts", text: `await openai.chat.completions.create({ ...defaults, model: "gpt-4o", messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o", line: 1, column: 61 },
    ],
  },
  {
    name: "env fallback to another constant",
    files: [
      { path: "src/app.ts", text: `const DEFAULT_MODEL = "gpt-4o-mini";
const model = process.env.MODEL || DEFAULT_MODEL;
await openai.chat.completions.create({ model, messages });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o-mini", line: 1, column: 24, usedAt: [{ file: "src/app.ts", line: 3, column: 40 }] },
    ],
  },
  {
    name: "LangChain with an unreadable config is dynamic",
    files: [
      { path: "src/app.ts", text: `export const make = (config: ChatConfig) => new ChatOpenAI(config);
` },
    ],
    expected: [
      { file: "src/app.ts", value: "config", line: 1, column: 60, dynamic: true },
    ],
  },
  {
    name: "decorated class with an SDK call",
    files: [
      { path: "src/app.ts", text: `@Injectable()
export class Chat {
  @Inject() private readonly openai!: OpenAI;
  ask() {
    return this.openai.chat.completions.create({ model: "o3-mini", messages: [] });
  }
}
` },
    ],
    expected: [
      { file: "src/app.ts", value: "o3-mini", line: 5, column: 58 },
    ],
  },
  {
    name: "JSX component with a known id",
    files: [
      { path: "src/Picker.tsx", text: `export const Picker = () => <ModelSelect options={["gpt-4o", "house"]} label="Model" />;
` },
    ],
    expected: [
      { file: "src/Picker.tsx", value: "gpt-4o", line: 1, column: 53 },
    ],
  },
  {
    name: "Replicate client from new Replicate()",
    files: [
      { path: "src/app.ts", text: `import Replicate from "replicate";
const rep = new Replicate();
const out = await rep.run("black-forest-labs/flux-schnell", { input });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "black-forest-labs/flux-schnell", line: 3, column: 28 },
    ],
  },
  {
    name: "constant imported from another file",
    files: [
      { path: "src/config/models.ts", text: `export const CHAT_MODEL = process.env.CHAT_MODEL ?? "gpt-4o-mini";
` },
      { path: "src/chat.ts", text: `import { CHAT_MODEL } from "./config/models.js";
await openai.chat.completions.create({ model: CHAT_MODEL, messages });
` },
    ],
    expected: [
      { file: "src/config/models.ts", value: "gpt-4o-mini", line: 1, column: 54, usedAt: [{ file: "src/chat.ts", line: 2, column: 47 }] },
    ],
  },
  {
    name: "namespace import and default export",
    files: [
      { path: "src/models/index.ts", text: `export default { embed: "text-embedding-3-small" };
export const RERANK = "rerank-english-v3.0";
` },
      { path: "src/search.ts", text: `import models from "./models";
import * as all from "./models/index.js";
await openai.embeddings.create({ model: models.embed, input });
await cohere.chat({ model: all.RERANK });
await hf.sentenceSimilarity({ model: all.RERANK, inputs });
` },
    ],
    expected: [
      { file: "src/models/index.ts", value: "text-embedding-3-small", line: 1, column: 26, usedAt: [{ file: "src/search.ts", line: 3, column: 41 }] },
      { file: "src/models/index.ts", value: "rerank-english-v3.0", line: 2, column: 24, usedAt: [{ file: "src/search.ts", line: 5, column: 38 }] },
    ],
  },
  {
    name: "re-export through an index file",
    files: [
      { path: "lib/config/models.ts", text: `export const SUMMARY = "claude-3-5-haiku-20241022";
` },
      { path: "lib/config/index.ts", text: `export { SUMMARY as SUMMARY_MODEL } from "./models";
` },
      { path: "lib/jobs/summary.ts", text: `import { SUMMARY_MODEL } from "../config";
await anthropic.messages.create({ model: SUMMARY_MODEL, max_tokens: 300, messages });
` },
    ],
    expected: [
      { file: "lib/config/models.ts", value: "claude-3-5-haiku-20241022", line: 1, column: 25, usedAt: [{ file: "lib/jobs/summary.ts", line: 2, column: 42 }] },
    ],
  },
  {
    name: "CommonJS require of module.exports",
    files: [
      { path: "src/models.js", text: `module.exports = { CHAT: "gpt-3.5-turbo" };
` },
      { path: "src/bot.js", text: `const { CHAT } = require("./models");
openai.chat.completions.create({ model: CHAT, messages });
` },
    ],
    expected: [
      { file: "src/models.js", value: "gpt-3.5-turbo", line: 1, column: 27, usedAt: [{ file: "src/bot.js", line: 2, column: 41 }] },
    ],
  },
  {
    name: "default export string imported for Google",
    files: [
      { path: "src/model-name.ts", text: `export default "gemini-1.5-flash";
` },
      { path: "src/gen.ts", text: `import MODEL_NAME from "./model-name";
const model = genAI.getGenerativeModel({ model: MODEL_NAME });
` },
    ],
    expected: [
      { file: "src/model-name.ts", value: "gemini-1.5-flash", line: 1, column: 17, usedAt: [{ file: "src/gen.ts", line: 2, column: 49 }] },
    ],
  },
  {
    name: "initChatModel",
    files: [
      { path: "src/app.ts", text: `const llm = await initChatModel("gpt-4o", { modelProvider: "openai" });
` },
    ],
    expected: [
      { file: "src/app.ts", value: "gpt-4o", line: 1, column: 34 },
    ],
  },
];

describe("typescript detector table", () => {
  it("has at least 40 rows", () => {
    expect(valid.length + invalid.length).toBeGreaterThanOrEqual(40);
  });

  describe("valid: no model mention", () => {
    it.each(valid.map((r) => [r.name, r] as const))("%s", (_, row) => {
      expect(modelsOf(row.files)).toEqual([]);
    });
  });

  describe("invalid: exactly the expected mentions", () => {
    it.each(invalid.map((r) => [r.name, r] as const))("%s", (_, row) => {
      expect(modelsOf(row.files)).toEqual([...row.expected!].sort(byPlace));
    });
  });
});
