/**
 * Where Python SDKs take a model, as data. A shape matches a call whose dotted callee ends with `callee`;
 * the model comes from the first keyword in `keywords` that is present, else from positional `positional`.
 * `roots` limits the receiver to modules (or "" for a bare call); the hint is overridden by the module a
 * client was built from (`client = Anthropic()` makes `client.messages.create` anthropic).
 */
export interface CallShape {
  callee: string;
  keywords: readonly string[];
  positional?: number;
  hint?: string;
  /** Allowed receivers: module names a root resolves to, or "" for a bare call. */
  roots?: readonly string[];
  /** Only take the positional argument when the one before it is a string (`pipeline("task", "model")`). */
  positionalAfterString?: boolean;
  /** The receiver's root name must match (PeftModel takes the adapter second). */
  receiver?: RegExp;
  /** A verb shared by many libraries: only constants, and dynamic values only when the client is known. */
  weak?: boolean;
}

const hf = "huggingface";
const MODEL = ["model"] as const;
const MODEL_OR_NAME = ["model", "model_name"] as const;

const sdk = (hint: string, callees: string[], keywords: readonly string[] = MODEL): CallShape[] =>
  callees.map((callee) => ({ callee, keywords, hint }));

const ctor = (hint: string, classes: string[], keywords: readonly string[] = MODEL_OR_NAME, positional?: number): CallShape[] =>
  classes.map((callee) => ({ callee, keywords, hint, positional }));

export const CALL_SHAPES: readonly CallShape[] = [
  // Hugging Face: loaders and hub downloads.
  { callee: "from_pretrained", receiver: /^Peft(Model\w*|MixedModel)$/, keywords: ["model_id"], positional: 1, hint: hf },
  { callee: "from_pretrained", keywords: ["pretrained_model_name_or_path", "repo_id", "model_name_or_path", "model_id", "model_name"], positional: 0, hint: hf },
  { callee: "from_model_id", keywords: ["model_id"], hint: hf },
  { callee: "pipeline", keywords: ["model"], positional: 1, positionalAfterString: true, hint: hf, roots: ["", "transformers"] },
  { callee: "hf_hub_download", keywords: ["repo_id"], positional: 0, hint: hf },
  { callee: "snapshot_download", keywords: ["repo_id"], positional: 0, hint: hf },
  { callee: "hf_hub_url", keywords: ["repo_id"], positional: 0, hint: hf },
  { callee: "SentenceTransformer", keywords: ["model_name_or_path"], positional: 0, hint: hf },
  { callee: "CrossEncoder", keywords: ["model_name_or_path", "model_name"], positional: 0, hint: hf },
  { callee: "InferenceClient", keywords: ["model"], positional: 0, hint: hf },
  ...ctor(hf, ["HuggingFaceEmbeddings", "HuggingFaceBgeEmbeddings", "HuggingFaceEmbedding", "HuggingFaceLLM", "HuggingFaceInferenceAPI"]),
  ...ctor(hf, ["HuggingFaceEndpoint", "HuggingFaceHub", "HuggingFaceEndpointEmbeddings"], ["repo_id", "model"]),
  // OpenAI (and OpenAI-compatible servers through the same client).
  ...sdk("openai", [
    "chat.completions.create", "chat.completions.parse", "chat.completions.stream", "completions.create",
    "responses.create", "responses.parse", "responses.stream", "embeddings.create", "images.generate", "images.edit",
    "audio.transcriptions.create", "audio.translations.create", "audio.speech.create", "moderations.create",
    "assistants.create", "fine_tuning.jobs.create",
  ]),
  ...sdk("openai", ["ChatCompletion.create", "Completion.create", "Embedding.create"], ["model", "engine"]),
  // Anthropic.
  ...sdk("anthropic", ["messages.create", "messages.stream", "messages.count_tokens"]),
  // Google Gemini (google-generativeai, google-genai, Vertex AI).
  { callee: "GenerativeModel", keywords: ["model_name", "model"], positional: 0, hint: "google" },
  ...sdk("google", [
    "models.generate_content", "models.generate_content_stream", "models.embed_content", "models.count_tokens",
    "models.generate_images", "chats.create", "embed_content",
  ]),
  // Mistral, Cohere, DashScope.
  ...sdk("mistral", ["chat.complete", "chat.complete_async", "chat.stream", "chat.stream_async", "fim.complete"]),
  ...sdk("cohere", ["rerank", "chat_stream"]),
  ...sdk("dashscope", ["Generation.call", "MultiModalConversation.call", "TextEmbedding.call", "ImageSynthesis.call"]),
  // Ollama: module functions and clients take the model first.
  ...["chat", "generate", "embed", "embeddings", "pull", "show"].map((callee) => ({
    callee, keywords: MODEL, positional: 0, hint: "ollama", roots: ["ollama"],
  })),
  // Verbs shared by several SDKs (`co.chat`, `client.chat`): the client's module decides the provider.
  ...["chat", "generate", "embed"].map((callee) => ({ callee, keywords: MODEL, weak: true })),
  // LangChain / LlamaIndex chat models and embeddings.
  ...ctor("openai", ["ChatOpenAI", "AzureChatOpenAI", "OpenAIEmbeddings", "OpenAIEmbedding", "OpenAI", "OpenAILike"]),
  ...ctor("anthropic", ["ChatAnthropic", "AnthropicLLM", "Anthropic"]),
  ...ctor("ollama", ["ChatOllama", "OllamaLLM", "Ollama", "OllamaEmbeddings", "OllamaEmbedding"]),
  ...ctor("google", ["ChatGoogleGenerativeAI", "GoogleGenerativeAIEmbeddings", "ChatVertexAI", "VertexAI", "Gemini", "GeminiEmbedding", "GoogleGenAI"]),
  ...ctor("mistral", ["ChatMistralAI", "MistralAI", "MistralAIEmbeddings"]),
  ...ctor("cohere", ["ChatCohere", "CohereEmbeddings", "CohereRerank", "Cohere"]),
  ...ctor("dashscope", ["ChatTongyi", "Tongyi", "DashScopeEmbeddings", "DashScope"]),
  ...ctor("groq", ["ChatGroq", "Groq"]),
  ...ctor("deepseek", ["ChatDeepSeek"]),
  ...ctor("bedrock", ["ChatBedrock", "ChatBedrockConverse", "BedrockChat", "Bedrock"], ["model_id", "model"]),
  ...ctor("litellm", ["ChatLiteLLM"]),
  { callee: "init_chat_model", keywords: ["model"], positional: 0 },
  { callee: "init_embeddings", keywords: ["model"], positional: 0 },
  // LiteLLM: `completion(model="provider/id")`, bare or through the module.
  ...["completion", "acompletion", "embedding", "aembedding", "text_completion", "image_generation", "transcription", "speech"].map(
    (callee) => ({ callee, keywords: MODEL, positional: 0, hint: "litellm", roots: ["", "litellm"] }),
  ),
  // vLLM, Whisper, faster-whisper.
  { callee: "LLM", keywords: ["model"], positional: 0, hint: "vllm", roots: ["", "vllm"] },
  ...ctor("vllm", ["AsyncEngineArgs", "EngineArgs"], MODEL),
  { callee: "load_model", keywords: ["name"], positional: 0, hint: "openai-whisper", roots: ["whisper"] },
  { callee: "WhisperModel", keywords: ["model_size_or_path"], positional: 0, hint: "faster-whisper" },
];

/** Keyword arguments that name a model on any call; taken only when they fold to a constant. */
export const GENERIC_MODEL_KEYWORDS: readonly string[] = ["model", "model_name", "model_id", "base_model", "pretrained_model_name_or_path"];

/** Calls whose string argument is a dataset or another non-model repository. */
export const NON_MODEL_CALLS: ReadonlySet<string> = new Set(["load_dataset", "load_from_disk", "add_argument", "Dataset.from_pandas"]);

/** Module (or its first segment) a client or function comes from → provider hint. */
export const MODULE_HINTS: Readonly<Record<string, string>> = {
  openai: "openai",
  anthropic: "anthropic",
  mistralai: "mistral",
  cohere: "cohere",
  ollama: "ollama",
  dashscope: "dashscope",
  litellm: "litellm",
  vllm: "vllm",
  groq: "groq",
  together: "together",
  "google.genai": "google",
  "google.generativeai": "google",
  vertexai: "google",
  transformers: hf,
  diffusers: hf,
  sentence_transformers: hf,
  huggingface_hub: hf,
  peft: hf,
  llama_cpp: hf,
  whisper: "openai-whisper",
};
