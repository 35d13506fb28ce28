import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { endpointDetector, nextHost } from "../src/detect/endpoint.js";
import type { ProviderMention } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

/** The host keys a rules database would list (tests own their own tiny database). */
const PROVIDERS: Record<string, string> = {
  "host:api.openai.com": "openai",
  "host:api.anthropic.com": "anthropic",
  "host:generativelanguage.googleapis.com": "google",
  "host:*-aiplatform.googleapis.com": "google-vertex",
  "host:dashscope.aliyuncs.com": "alibaba",
  "host:dashscope-intl.aliyuncs.com": "alibaba",
  "host:bedrock-runtime.*.amazonaws.com": "amazon-bedrock",
  "host:*.openai.azure.com": "azure-openai",
  "host:localhost:11434": "ollama",
  "host:openrouter.ai": "openrouter",
  "host:api.cloudflare.com/client/v4/accounts/*/ai": "cloudflare-workers-ai",
};

interface Row {
  file?: string;
  code: string;
  expected: { value: string; via: string; line: number; column: number; text?: string }[];
}

async function run(file: string, code: string): Promise<ProviderMention[]> {
  expect(endpointDetector.accepts(file)).toBe(true);
  return (await endpointDetector.detect([{ path: file, text: code }], makeContext([], PROVIDERS))) as ProviderMention[];
}

const valid: [string, string][] = [
  ["src/a.ts", "const url = 'https://example.com/v1';\nself.model.generate()\n"],
  ["src/a.py", "# contact me@api.openai.com.invalid\nemail = 'me@openai.com'\n"],
  ["src/a.ts", "fetch('https://api.cloudflare.com/client/v4/zones')\n"],
  ["src/a.ts", "const host = 'notapi.openai.company.example';\n"],
  ["src/a.go", "http.Get(\"http://localhost:8080/health\")\n"],
];

const invalid: Row[] = [
  { code: "const r = await fetch(\"https://api.openai.com/v1/chat/completions\");\n", expected: [{ value: "openai", via: "api.openai.com", line: 1, column: 32, text: "api.openai.com" }] },
  { file: "app.py", code: "client = OpenAI(\n    base_url=\"https://dashscope-intl.aliyuncs.com/compatible-mode/v1\",\n)\n", expected: [{ value: "alibaba", via: "dashscope-intl.aliyuncs.com", line: 2, column: 23 }] },
  { file: ".env", code: "AZURE_OPENAI_ENDPOINT=https://contoso-eastus.openai.azure.com/\r\nOLLAMA_HOST=http://127.0.0.1:11434\r\n", expected: [{ value: "azure-openai", via: "contoso-eastus.openai.azure.com", line: 1, column: 31 }, { value: "ollama", via: "127.0.0.1:11434", line: 2, column: 20, text: "127.0.0.1:11434" }] },
  { file: "docker-compose.yml", code: "    environment:\n      - OLLAMA_BASE_URL=http://ollama:11434\n", expected: [{ value: "ollama", via: "ollama:11434", line: 2, column: 32 }] },
  { file: "vertex.py", code: "url = f\"https://us-central1-aiplatform.googleapis.com/v1/projects/{p}\"\n", expected: [{ value: "google-vertex", via: "us-central1-aiplatform.googleapis.com", line: 1, column: 17 }] },
  { file: "infra/main.tf", code: "endpoint = \"https://bedrock-runtime.us-east-1.amazonaws.com\"\n", expected: [{ value: "amazon-bedrock", via: "bedrock-runtime.us-east-1.amazonaws.com", line: 1, column: 21 }] },
  { file: "worker.js", code: "await fetch(`https://api.cloudflare.com/client/v4/accounts/${id}/ai/run/@cf/meta/llama-3-8b-instruct`)\n", expected: [{ value: "cloudflare-workers-ai", via: "api.cloudflare.com/client/v4/accounts/*/ai", line: 1, column: 22 }] },
  { file: "config.yaml", code: "providers:\n  - host: api.anthropic.com\n  - base: https://openrouter.ai/api/v1\n  - gl: \"generativelanguage.googleapis.com\"\n", expected: [{ value: "anthropic", via: "api.anthropic.com", line: 2, column: 11 }, { value: "openrouter", via: "openrouter.ai", line: 3, column: 19 }, { value: "google", via: "generativelanguage.googleapis.com", line: 4, column: 10 }] },
  { file: "nb.ipynb", code: "{\"cells\": [{\"source\": [\"requests.post('http://localhost:11434/api/chat')\"]}]}\n", expected: [{ value: "ollama", via: "localhost:11434", line: 1, column: 47 }] },
];

describe("endpoint detector: valid", () => {
  it.each(valid)("%s %j has no provider", async (file, code) => {
    expect(await run(file, code)).toEqual([]);
  });
});

describe("endpoint detector: invalid", () => {
  it.each(invalid.map((row) => [row.code, row] as const))("%j", async (_, row) => {
    const found = await run(row.file ?? "src/client.ts", row.code);
    expect(found.map((m, i) => {
      const want = row.expected[i] ?? row.expected[0]!;
      const got: Record<string, unknown> = { value: m.value, via: m.via, line: m.line, column: m.column };
      if (want.text !== undefined) got.text = m.text;
      return got;
    })).toEqual(row.expected);
  });
});

describe("endpoint detector: file selection and speed", () => {
  it.each(["README.md", "docs/guide.rst", "package-lock.json", "uv.lock", "yarn.lock", "LICENSE", "dist/app.min.js"])("skips %s", (path) => {
    expect(endpointDetector.accepts(path)).toBe(false);
  });

  it("scans a 2 MB dotted-identifier file quickly", async () => {
    const text = "self.model.generate(x.y.z) # https://api.openai.com\n".repeat(40_000);
    const started = performance.now();
    const found = await run("big.py", text);
    expect(found).toHaveLength(40_000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("endpoint detector: where the host regex is tried", () => {
  /** The regex as a plain global search, tried at every character: what `nextHost` must agree with. */
  const EVERYWHERE =
    /(?<![\w.@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::(\d{2,5}))?(?![\w-])|(?<=\/\/)([a-z][a-z0-9-]{0,62}):(\d{2,5})(?![\w-])/gi;
  const everywhere = (text: string) => [...text.matchAll(EVERYWHERE)].map((m) => [m.index, ...m]);
  const skipping = (text: string) => {
    const out: unknown[][] = [];
    for (let m = nextHost(text, 0); m; m = nextHost(text, m.index + m[0].length)) out.push([m.index, ...m]);
    return out;
  };
  const pieces = [
    "a", "Z", "0", "9", ".", ":", "-", "_", "@", "/", "//", " ", "\n", "localhost", "LocalHost", "com", "ai", "11434", "8080",
    "127.0.0.1", "api.openai.com", "x".repeat(64), "ſ", "\u212A", "é", "\uD83D\uDE00", "self.model", "http://ollama:11434",
  ];

  it("finds exactly the matches a search at every character finds", () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }).map((a) => a.join("")), fc.string({ maxLength: 40 })), (text) => {
        expect(skipping(text)).toEqual(everywhere(text));
      }),
      { numRuns: 3000 },
    );
  });
});
