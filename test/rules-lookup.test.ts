// lookupModel and describeModel against the built-in database: the ids of issue 3's "Done when",
// routing prefixes, quantized re-uploads, Ollama tags and ids that are not models.
import { beforeAll, describe, expect, test } from "vitest";
import { loadRules } from "../src/rules/load.js";
import { describeModel } from "../src/rules/show.js";
import type { RulesDb } from "../src/rules/types.js";

let db: RulesDb;
beforeAll(async () => {
  db = await loadRules();
});

describe("lookupModel", () => {
  test.each([
    ["runwayml/stable-diffusion-v1-5", "runwayml/stable-diffusion-v1-5", "creativeml-openrail-m", "weights"],
    ["RunwayML/Stable-Diffusion-v1-5", "runwayml/stable-diffusion-v1-5", "creativeml-openrail-m", "weights"],
    ["Qwen/Qwen2.5-72B-Instruct", "qwen2.5-72b", "qwen", "weights"],
    ["Qwen/Qwen2.5-3B-Instruct", "qwen2.5-3b", "qwen-research", "weights"],
    ["Qwen/Qwen2.5-7B-Instruct", "qwen2.5-apache", "apache-2.0", "weights"],
    ["meta-llama/Llama-3.1-8B-Instruct", "llama-3.1", "llama3.1", "weights"],
    ["meta-llama/llama-3.1-8b-instruct", "llama-3.1", "llama3.1", "weights"],
    ["gpt-3.5-turbo-0613", "gpt-3.5-turbo-0613", "provider-terms", "api"],
    ["claude-2.1", "claude-2.1", "provider-terms", "api"],
    ["text-bison", "text-bison", "provider-terms", "api"],
    ["openai/gpt-4o", "gpt-4o", "provider-terms", "api"],
    ["TheBloke/Llama-2-7B-Chat-GGUF", "llama-2-quantized", "llama2", "weights"],
    ["llama3.1:8b", "ollama-llama3.1", "llama3.1", "local"],
    ["qwen2.5:7b-instruct-q4_K_M", "ollama-qwen2.5-apache", "apache-2.0", "local"],
    ["qwen2.5:72b", "ollama-qwen2.5-72b", "qwen", "local"],
    ["mistral", "ollama-mistral", "apache-2.0", "local"],
    ["llama3:latest", "ollama-llama3", "llama3", "local"],
    ["ollama/llama3", "ollama-llama3", "llama3", "local"],
    ["Xenova/all-MiniLM-L6-v2", "all-minilm-l6-v2", "apache-2.0", "weights"],
    ["deepseek-ai/DeepSeek-R1-Distill-Llama-8B", "deepseek-r1-distill-llama-8b", "llama3.1", "weights"],
  ])("%s → %s (%s, %s)", (id, entry, license, kind) => {
    const rule = db.lookupModel(id);
    expect(rule?.id).toBe(entry);
    expect(rule?.license).toBe(license);
    expect(rule?.kind).toBe(kind);
  });

  test.each([
    ["anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307"],
    ["us.anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307"],
    ["publishers/google/models/gemini-2.5-pro", "gemini-2.5-pro"],
    ["projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash", "gemini-2.5-flash"],
    ["models/gemini-2.5-flash", "gemini-2.5-flash"],
    ["claude-3-5-haiku@20241022", "claude-3-5-haiku-20241022"],
    ["deepseek/deepseek-chat", "deepseek-chat"],
  ])("strips the routing prefix of %s", (id, canonical) => {
    expect(db.lookupModel(id)?.ids[0]).toBe(canonical);
  });

  test("API ids compare exactly, hub ids case-insensitively", () => {
    expect(db.lookupModel("GPT-4o")).toBeUndefined();
    expect(db.lookupModel("QWEN/QWEN2.5-72B-INSTRUCT")?.id).toBe("qwen2.5-72b");
  });

  test.each(["facebook/react", "src/utils", "react", "gpt", "Qwen/Qwen2.5-9000B", "meta-llama/Llama-3.1-8B-Instruct-but-longer", "", "a b"])(
    "%s is not a model", (id) => {
      expect(db.lookupModel(id)).toBeUndefined();
    },
  );

  test("aliases and snapshots are related", () => {
    expect(db.lookupModel("gpt-3.5-turbo")).toMatchObject({ floating: true, snapshot: "gpt-3.5-turbo-0125" });
    expect(db.lookupModel("claude-sonnet-4-5")).toMatchObject({ floating: true, snapshot: "claude-sonnet-4-5-20250929" });
    expect(db.lookupModel("gemini-1.5-pro")).toMatchObject({ floating: true, snapshot: "gemini-1.5-pro-002" });
    expect(db.lookupModel("gpt-4o")?.floating).toBe(true);
    expect(db.lookupModel("gpt-4o-2024-08-06")?.floating).toBeUndefined();
  });

  test("incidents by id and by organisation", () => {
    expect(db.incidentsFor("runwayml/stable-diffusion-inpainting").map((i) => i.id)).toEqual(["runway-hf-2024-08"]);
    expect(db.incidentsFor("Qwen/Qwen-7B-Chat").map((i) => i.id)).toEqual(["qwen-hf-ms-2023-09", "qwen-github-flag-2024-09"]);
    expect(db.incidentsFor("Qwen/Qwen2.5-72B-Instruct").map((i) => i.id)).toEqual(["qwen-github-flag-2024-09"]);
    expect(db.incidentsFor("stabilityai/stable-diffusion-2-1").map((i) => i.id)).toEqual(["stabilityai-sd2-2025-11"]);
    expect(db.incidentsFor("stabilityai/stable-diffusion-xl-base-1.0")).toEqual([]);
    expect(db.incidentsFor("gpt-4o")).toEqual([]);
  });

  test("a lookup of 10,000 strings that are not models stays fast", () => {
    const start = performance.now();
    for (let i = 0; i < 10_000; i++) db.lookupModel(`some/string-${i}`);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe("describeModel", () => {
  test("runwayml/stable-diffusion-v1-5: licence, deletion incident not restored, mirrors, sources", () => {
    const text = describeModel(db, "runwayml/stable-diffusion-v1-5");
    expect(text).toContain("CreativeML Open RAIL-M");
    expect(text).toContain("restricted-commercial");
    expect(text).toMatch(/incident: {2}2024-08 deletion on huggingface\.co \(runway-hf-2024-08\), not restored/);
    expect(text).toContain("https://huggingface.co/stable-diffusion-v1-5/stable-diffusion-v1-5 (unofficial)");
    expect(text).toContain("https://github.com/huggingface/diffusers/issues/9421");
  });
  test("Qwen/Qwen2.5-72B-Instruct: Qwen licence with the 100M user cap and a ModelScope mirror", () => {
    const text = describeModel(db, "Qwen/Qwen2.5-72B-Instruct");
    expect(text).toContain("Qwen License Agreement [qwen]");
    expect(text).toContain("user cap 100,000,000 monthly active users");
    expect(text).toContain("modelscope.cn");
    expect(text).toContain("https://huggingface.co/Qwen/Qwen2.5-72B-Instruct/blob/main/LICENSE");
  });
  test("meta-llama/Llama-3.1-8B-Instruct: Llama 3.1 licence, 700M cap", () => {
    const text = describeModel(db, "meta-llama/Llama-3.1-8B-Instruct");
    expect(text).toContain("Llama 3.1 Community License");
    expect(text).toContain("user cap 700,000,000");
    expect(text).toContain("https://github.com/meta-llama/llama-models/blob/main/models/llama3_1/LICENSE");
  });
  test("gpt-3.5-turbo-0613: shut down 2024-09-13 per OpenAI's deprecations page", () => {
    const text = describeModel(db, "gpt-3.5-turbo-0613");
    expect(text).toContain("lifecycle: deprecated 2023-11-06, shutdown 2024-09-13, replacement gpt-3.5-turbo");
    expect(text).toContain("https://developers.openai.com/api/docs/deprecations");
  });
  test("claude-2.1: shut down 2025-07-21 per Anthropic's deprecations page", () => {
    const text = describeModel(db, "claude-2.1");
    expect(text).toContain("lifecycle: deprecated 2025-01-21, shutdown 2025-07-21");
    expect(text).toContain("https://platform.claude.com/docs/en/about-claude/model-deprecations");
  });
  test("text-bison: Vertex PaLM alias, inaccessible from 2025-04-09", () => {
    const text = describeModel(db, "text-bison");
    expect(text).toContain("Google Vertex AI (google-vertex)");
    expect(text).toContain("alias:     floating, currently text-bison@002");
    expect(text).toContain("shutdown 2025-04-09");
    expect(text).toContain("https://cloud.google.com/vertex-ai/generative-ai/docs/deprecations/palm");
  });
  test("an unknown id says so", () => {
    expect(describeModel(db, "facebook/react")).toBe("facebook/react: not in the database\n");
  });
});
