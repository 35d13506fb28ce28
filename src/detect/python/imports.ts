/** `import openai`, `from anthropic import Anthropic` → provider mentions, through the PyPI package name. */
import type { SyntaxNode } from "@lezer/common";
import type { DetectContext, ProviderMention } from "../../types.js";
import { childrenOf } from "./syntax.js";

/** Import name → PyPI distribution, where the two differ; longest dotted prefix wins. */
const MODULE_PACKAGES: Readonly<Record<string, string>> = {
  "google.generativeai": "google-generativeai",
  "google.genai": "google-genai",
  "google.cloud.aiplatform": "google-cloud-aiplatform",
  vertexai: "google-cloud-aiplatform",
  huggingface_hub: "huggingface-hub",
  sentence_transformers: "sentence-transformers",
  llama_cpp: "llama-cpp-python",
  whisper: "openai-whisper",
  faster_whisper: "faster-whisper",
  mistralai: "mistralai",
  langchain_openai: "langchain-openai",
  langchain_anthropic: "langchain-anthropic",
  langchain_google_genai: "langchain-google-genai",
  langchain_google_vertexai: "langchain-google-vertexai",
  langchain_ollama: "langchain-ollama",
  langchain_community: "langchain-community",
  langchain_huggingface: "langchain-huggingface",
  langchain_mistralai: "langchain-mistralai",
  langchain_cohere: "langchain-cohere",
  langchain_groq: "langchain-groq",
  langchain_aws: "langchain-aws",
  langchain_core: "langchain-core",
  zhipuai: "zhipuai",
};

/** Modules worth parsing a file for even when it names no model call. */
export const PROVIDER_MODULES: readonly string[] = [...Object.keys(MODULE_PACKAGES), "openai", "anthropic", "cohere", "groq", "replicate", "together", "llama_index", "langchain"];

export function packageForModule(module: string): string {
  const parts = module.split(".");
  for (let n = parts.length; n > 0; n--) {
    const known = MODULE_PACKAGES[parts.slice(0, n).join(".")];
    if (known) return known;
  }
  // llama_index.llms.openai ships as llama-index-llms-openai; the core as llama-index-core.
  if (parts[0] === "llama_index") return parts.length >= 3 ? parts.slice(0, 3).join("-").replace(/_/g, "-") : "llama-index-core";
  return parts[0]!.replace(/_/g, "-");
}

export interface ProviderSink {
  add(from: number, to: number, value: string, via: string): void;
}

/** One provider mention per imported module the rules database ties to a provider. */
export function collectImportProviders(node: SyntaxNode, text: string, ctx: DetectContext, sink: ProviderSink): void {
  const kids = childrenOf(node);
  const modules: SyntaxNode[][] = [];
  if (kids[0]?.name === "from") {
    const names = kids.slice(1, kids.findIndex((k) => k.name === "import"));
    modules.push(names);
  } else {
    let current: SyntaxNode[] = [];
    for (const kid of kids.slice(1)) {
      if (kid.name === "," || kid.name === "as") {
        modules.push(current);
        current = [];
      } else if (kid.name === "VariableName" || kid.name === ".") {
        if (current.length === 0 && kid.name === "VariableName" && isAliasPosition(kids, kid)) continue;
        current.push(kid);
      }
    }
    modules.push(current);
  }
  for (const parts of modules) {
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (!first || !last || first.name !== "VariableName") continue; // relative imports are local code
    const module = text.slice(first.from, last.to);
    const pkg = packageForModule(module);
    const provider = ctx.providerFor("pypi", pkg);
    if (provider) sink.add(first.from, last.to, provider, pkg);
  }
}

/** The name right after `as` is an alias, not a module. */
function isAliasPosition(kids: SyntaxNode[], kid: SyntaxNode): boolean {
  const index = kids.indexOf(kid);
  return index > 0 && kids[index - 1]!.name === "as";
}

