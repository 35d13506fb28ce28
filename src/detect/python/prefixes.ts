/**
 * LiteLLM (`"anthropic/claude-3-5-haiku-20241022"`) and LangChain's `init_chat_model("openai:gpt-4o")`
 * put the provider in front of the id. The id the rules database knows is the part after it, so the
 * mention points at that part and the prefix becomes the provider hint.
 */
const LITELLM_PREFIXES: Readonly<Record<string, string>> = {
  openai: "openai", "text-completion-openai": "openai", azure: "azure", azure_ai: "azure",
  anthropic: "anthropic", gemini: "google", vertex_ai: "google", "vertex_ai_beta": "google",
  mistral: "mistral", codestral: "mistral", cohere: "cohere", cohere_chat: "cohere",
  ollama: "ollama", ollama_chat: "ollama", huggingface: "huggingface", groq: "groq",
  together_ai: "together", bedrock: "bedrock", deepseek: "deepseek", openrouter: "openrouter",
  fireworks_ai: "fireworks", xai: "xai", perplexity: "perplexity", replicate: "replicate",
  dashscope: "dashscope", hosted_vllm: "vllm", vllm: "vllm", nvidia_nim: "nvidia", cerebras: "cerebras",
};

const LANGCHAIN_PREFIXES: Readonly<Record<string, string>> = {
  openai: "openai", azure_openai: "azure", anthropic: "anthropic", google_genai: "google",
  google_vertexai: "google", mistralai: "mistral", cohere: "cohere", ollama: "ollama",
  huggingface: "huggingface", groq: "groq", together: "together", bedrock: "bedrock",
  bedrock_converse: "bedrock", deepseek: "deepseek", fireworks: "fireworks", xai: "xai",
  perplexity: "perplexity", ibm: "ibm",
};

export interface SplitId {
  id: string;
  /** Characters of the prefix (with its separator) to skip from the start of the literal. */
  skip: number;
  hint?: string;
}

export function splitProviderPrefix(value: string, style: "litellm" | "langchain"): SplitId {
  const separator = style === "litellm" ? "/" : ":";
  const table = style === "litellm" ? LITELLM_PREFIXES : LANGCHAIN_PREFIXES;
  const at = value.indexOf(separator);
  const prefix = at > 0 ? value.slice(0, at) : "";
  const hint = table[prefix];
  if (!hint || at + 1 >= value.length) return { id: value, skip: 0 };
  return { id: value.slice(at + 1), skip: at + 1, hint };
}

/** `LiteLLMModel` / `LiteLLMRouterModel` are smolagents' LiteLLM wrappers (`model_id="groq/llama-3.3-70b"`). */
export function prefixStyleFor(callee: string): "litellm" | "langchain" | undefined {
  if (callee === "init_chat_model" || callee === "init_embeddings") return "langchain";
  if (["completion", "acompletion", "embedding", "aembedding", "text_completion", "image_generation", "transcription", "speech", "ChatLiteLLM", "ChatLiteLLMRouter", "LiteLLMModel", "LiteLLMRouterModel"].includes(callee)) return "litellm";
  return undefined;
}
