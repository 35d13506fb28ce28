import { describe, expect, it } from "vitest";
import { blankMagics, notebookDetector } from "../src/detect/notebook.js";
import type { Mention, ModelMention } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

type Cell = { cell_type: string; source: string[] | string };

/** Serializes like Jupyter does (`json.dumps(nb, indent=1)`): one JSON string per source line. */
function notebook(cells: Cell[], language = "python"): string {
  const full = cells.map((c) => ({ ...c, metadata: {}, ...(c.cell_type === "code" ? { execution_count: 1, outputs: [] } : {}) }));
  return `${JSON.stringify({ cells: full, metadata: { kernelspec: { language, name: "python3" } }, nbformat: 4, nbformat_minor: 5 }, null, 1)}\n`;
}

function run(text: string, known: string[] = []) {
  const ctx = makeContext(known);
  const mentions = notebookDetector.detect([{ path: "nb/explore.ipynb", text }], ctx) as Mention[];
  return { models: mentions.filter((m): m is ModelMention => m.kind === "model"), skipped: ctx.skipped };
}

/** Line and column of `needle` in the raw notebook text, counted independently of the detector. */
function positionOf(text: string, needle: string, nth = 0) {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(needle, offset + 1);
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

describe("notebook detector: positions", () => {
  it("maps a model in a later cell to its line and column in the .ipynb file", () => {
    const text = notebook([
      { cell_type: "markdown", source: ["# Explore\n", "Load `gpt2` below."] },
      { cell_type: "code", source: ["!pip install transformers\n", "%matplotlib inline\n", "import torch"] },
      { cell_type: "code", source: ["from transformers import AutoModel\n", "m = AutoModel.from_pretrained(\"openai-community/gpt2\")"] },
    ]);
    const { models } = run(text);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ value: "openai-community/gpt2", text: "openai-community/gpt2", detector: "notebook", ...positionOf(text, "openai-community/gpt2") });
    const start = positionOf(text, "openai-community/gpt2");
    expect(models[0]).toMatchObject({ endLine: start.line, endColumn: start.column + "openai-community/gpt2".length });
  });

  it("counts JSON escapes before the string: quotes, tabs and \\u escapes", () => {
    const text = notebook([{ cell_type: "code", source: ["x = {\"k\":\t'\\u00e9'}; pipe = pipeline(\"text-generation\", model=\"Qwen/Qwen2.5-0.5B\")\n"] }])
      .replace("é", "\\u00e9");
    const { models } = run(text);
    expect(models.map((m) => m.value)).toEqual(["Qwen/Qwen2.5-0.5B"]);
    expect(models[0]).toMatchObject(positionOf(text, "Qwen/Qwen2.5-0.5B"));
  });

  it("maps a source written as one string with embedded newlines", () => {
    const text = notebook([{ cell_type: "code", source: "import os\nMODEL = os.getenv('M', 'mistralai/Mistral-7B-v0.1')\nm = AutoModel.from_pretrained(MODEL)\n" }]);
    const { models } = run(text);
    expect(models[0]).toMatchObject({ value: "mistralai/Mistral-7B-v0.1", ...positionOf(text, "mistralai/Mistral-7B-v0.1") });
    expect(models[0]!.usedAt).toEqual([{ file: "nb/explore.ipynb", ...positionOf(text, "MODEL)"), endLine: positionOf(text, "MODEL)").line, endColumn: positionOf(text, "MODEL)").column + 5 }]);
  });

  it("follows a constant set in one cell into a call in a later cell, as the kernel's namespace does", () => {
    const text = notebook([
      { cell_type: "code", source: ["MODEL_ID = \"BAAI/bge-small-en-v1.5\""] },
      { cell_type: "markdown", source: ["Now embed:"] },
      { cell_type: "code", source: ["%%bash\n", "echo skipped\n"] },
      { cell_type: "code", source: ["emb = SentenceTransformer(MODEL_ID)\n"] },
    ]);
    const { models } = run(text);
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({ value: "BAAI/bge-small-en-v1.5", via: "SentenceTransformer", providerHint: "huggingface", ...positionOf(text, "BAAI/") });
    expect(models[0]!.usedAt).toEqual([{ file: "nb/explore.ipynb", ...positionOf(text, "MODEL_ID)"), endLine: positionOf(text, "MODEL_ID)").line, endColumn: positionOf(text, "MODEL_ID)").column + 8 }]);
  });

  it("skips %%bash cells and keeps %%time cells", () => {
    const text = notebook([
      { cell_type: "code", source: ["%%bash\n", "python -c 'AutoModel.from_pretrained(\"gpt2\")'\n"] },
      { cell_type: "code", source: ["%%time\n", "m = AutoModel.from_pretrained(\"distilgpt2\")\n"] },
    ]);
    expect(run(text).models.map((m) => m.value)).toEqual(["distilgpt2"]);
  });

  it("blanks line magics without moving offsets", () => {
    const code = "!pip install -q openai\n  %env X=1\nx = 1\n";
    const blanked = blankMagics(code)!;
    expect(blanked).toHaveLength(code.length);
    expect(blanked.split("\n").map((l) => l.trim())).toEqual(["", "", "x = 1", ""]);
  });
});

describe("notebook detector: Python-compatible kernels", () => {
  // anthropics/anthropic-cookbook extended_thinking/*.ipynb declare a Coconut kernel (a Python superset).
  it.each(["coconut", "python3", "ipython3"])("reads cells of a %s kernel as Python", (language) => {
    const text = notebook([{ cell_type: "code", source: ["import anthropic\n", "client.messages.create(model=\"claude-3-7-sonnet-20250219\", max_tokens=1)"] }], language);
    const { models, skipped } = run(text);
    expect(skipped).toEqual([]);
    expect(models.map((m) => m.value)).toEqual(["claude-3-7-sonnet-20250219"]);
  });
});

describe("notebook detector: malformed input", () => {
  it.each([
    ["bad JSON", "{ \"cells\": [", /not valid JSON/],
    ["not an object", "[1, 2]", /not a JSON object/],
    ["missing cells", "{\"metadata\": {}}", /no cells array/],
    ["nbformat 3", "{\"worksheets\": [{\"cells\": []}], \"nbformat\": 3}", /nbformat 3/],
    ["odd cell", "{\"cells\": [{\"cell_type\": \"code\", \"source\": 42}]}", /cell 0 has no text source/],
    ["null cell", "{\"cells\": [null]}", /cell 0/],
    ["R kernel", notebook([{ cell_type: "code", source: "library(ggplot2)" }], "R"), /kernel language is r/],
  ])("skips %s with a reason, without throwing", (_name, text, reason) => {
    const { models, skipped } = run(text);
    expect(models).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.file).toBe("nb/explore.ipynb");
    expect(skipped[0]!.reason).toMatch(reason);
  });
});
