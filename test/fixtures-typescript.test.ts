/**
 * The three fixture projects of issue 2, scanned by the TypeScript/JavaScript detector alone:
 * every model and provider reference each one holds, written down by hand.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { typescriptDetector } from "../src/detect/typescript/index.js";
import type { Mention, SourceFile } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** Ids the test database knows (a literal outside a model position counts only when known). */
const KNOWN = ["gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet-20241022", "text-davinci-003", "text-embedding-3-small"];
const PROVIDERS = {
  "npm:openai": "openai",
  "npm:@anthropic-ai/sdk": "anthropic",
  "npm:@ai-sdk/openai": "openai",
  "npm:@ai-sdk/anthropic": "anthropic",
  "npm:@ai-sdk/google": "google",
  "npm:@langchain/openai": "openai",
  "npm:@langchain/anthropic": "anthropic",
  "npm:@xenova/transformers": "huggingface",
};

function readProject(name: string): SourceFile[] {
  const root = join(FIXTURES, name);
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .map((p) => relative(root, join(root, p)).split(sep).join("/"))
    .filter((p) => typescriptDetector.accepts(p))
    .sort()
    .map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }));
}

async function scanProject(name: string): Promise<{ lines: string[]; skipped: unknown[] }> {
  const ctx = makeContext(KNOWN, PROVIDERS);
  const mentions = await typescriptDetector.detect(readProject(name), ctx);
  return { lines: mentions.map(describeMention), skipped: ctx.skipped };
}

/** `file:line:column value`, with what kind of reference it is and where it is used. */
function describeMention(m: Mention): string {
  const at = `${m.file}:${m.line}:${m.column}`;
  if (m.kind === "provider") return `${at} provider ${m.value} (${m.via})`;
  const tags = [m.dynamic ? "dynamic" : m.evidence, m.providerHint, m.revision && `@${m.revision}`].filter(Boolean).join(" ");
  const uses = m.usedAt?.map((u) => `${u.file}:${u.line}:${u.column}`).join(", ");
  return `${at} ${m.value} [${tags}]${uses ? ` used at ${uses}` : ""}`;
}

describe("fixture projects through the typescript detector", () => {
  it("node-openai-anthropic: constants in src/config/models.ts, env fallbacks, a retired completion model", async () => {
    expect(await scanProject("node-openai-anthropic")).toEqual({
      skipped: [],
      lines: [
        "src/clients.ts:1:21 provider openai (openai)",
        "src/clients.ts:2:24 provider anthropic (@anthropic-ai/sdk)",
        "src/config/models.ts:5:61 gpt-4o-mini [model-position openai] used at src/services/chat.ts:9:12, src/services/chat.ts:18:12",
        "src/config/models.ts:6:71 text-embedding-3-small [model-position openai] used at src/services/embeddings.ts:5:55",
        "src/config/models.ts:7:70 claude-3-5-haiku-20241022 [model-position anthropic] used at src/services/summarize.ts:11:21",
        "src/config/models.ts:10:41 text-davinci-003 [model-position openai] used at src/routes/legacy.ts:8:12",
        "src/routes/playground.ts:8:5 model [dynamic openai]",
        "src/services/chat.ts:1:50 provider openai (openai)",
        "src/services/moderation.ts:3:57 omni-moderation-latest [model-position openai] used at src/services/moderation.ts:4:49",
      ],
    });
  });

  it("ai-sdk-langchain: provider factories, a gateway string, LangChain classes, a model picker list", async () => {
    expect(await scanProject("ai-sdk-langchain")).toEqual({
      skipped: [],
      lines: [
        "app/api/chat/route.ts:1:25 provider openai (@ai-sdk/openai)",
        "app/api/extract/route.ts:9:53 openai/gpt-4.1-mini [model-position]",
        "lib/ai/models.ts:3:10 gpt-4o [literal]",
        "lib/ai/models.ts:4:10 gpt-4o-mini [literal]",
        "lib/ai/models.ts:5:10 claude-3-5-sonnet-20241022 [literal]",
        "lib/ai/models.ts:9:49 gpt-4o-mini [model-position openai] used at app/api/chat/route.ts:15:48",
        "lib/ai/providers.ts:1:28 provider anthropic (@ai-sdk/anthropic)",
        "lib/ai/providers.ts:2:25 provider google (@ai-sdk/google)",
        "lib/ai/providers.ts:3:31 provider openai (@ai-sdk/openai)",
        "lib/ai/providers.ts:11:34 gpt-4o [model-position openai]",
        "lib/ai/providers.ts:12:42 claude-3-7-sonnet-20250219 [model-position anthropic]",
        "lib/ai/providers.ts:13:62 gemini-2.0-flash [model-position google]",
        "lib/ai/providers.ts:14:49 text-embedding-3-small [model-position openai]",
        "lib/rag/chain.ts:1:32 provider anthropic (@langchain/anthropic)",
        "lib/rag/chain.ts:4:29 provider openai (@langchain/openai)",
        "lib/rag/chain.ts:6:45 claude-3-5-haiku-latest [model-position anthropic] used at lib/rag/chain.ts:8:45",
        "lib/rag/chain.ts:9:47 gpt-4o-mini [model-position openai]",
        "lib/rag/ingest.ts:1:35 provider openai (@langchain/openai)",
        "lib/rag/ingest.ts:5:51 text-embedding-3-large [model-position openai]",
      ],
    });
  });

  it("transformersjs-app: Xenova models in workers, a revision pin, hub links, a user-chosen model", async () => {
    expect(await scanProject("transformersjs-app")).toEqual({
      skipped: [],
      lines: [
        "src/components/About.jsx:7:18 Xenova/all-MiniLM-L6-v2 [url huggingface]",
        "src/components/About.jsx:10:35 Xenova/whisper-tiny.en [url huggingface]",
        "src/models.js:3:15 Xenova/distilbert-base-uncased-finetuned-sst-2-english [model-position huggingface] used at src/workers/text.worker.js:4:50",
        "src/models.js:4:17 Xenova/nllb-200-distilled-600M [model-position huggingface] used at src/workers/text.worker.js:7:57, src/workers/text.worker.js:8:61",
        "src/workers/embed.worker.js:1:32 provider huggingface (@xenova/transformers)",
        "src/workers/embed.worker.js:8:19 Xenova/all-MiniLM-L6-v2 [model-position huggingface] used at src/workers/embed.worker.js:12:43",
        "src/workers/text.worker.js:1:65 provider huggingface (@xenova/transformers)",
        "src/workers/text.worker.js:16:37 modelId [dynamic huggingface]",
        "src/workers/transcribe.worker.js:1:27 provider huggingface (@xenova/transformers)",
        "src/workers/transcribe.worker.js:7:67 Xenova/whisper-tiny.en [model-position huggingface @output_attentions]",
      ],
    });
  });
});
