/**
 * Where SDKs take a model id, as data. Paths are the trailing property names of the callee, so
 * `client.chat.completions.create`, `this.openai.chat.completions.create` and
 * `(await getClient()).chat.completions.create` all match `chat.completions.create`.
 */

export interface Receiver {
  /** Variable or property names that hold such a client (`ollama`, `this.replicate`). */
  names: readonly string[];
  /** Packages whose import binds such a client. */
  packages: readonly string[];
  /** Classes whose `new` makes such a client. */
  classes: readonly string[];
}

export interface MethodShape {
  path: readonly string[];
  hint?: string;
  /** Index of the argument holding the model. */
  arg: number;
  /** Keys of the options object that hold the model; absent when the argument is the id itself. */
  keys?: readonly string[];
  /** The callee's receiver must be one of these clients (for method names other SDKs also use). */
  receiver?: Receiver;
  /** A plain function call (no receiver) also counts: `textGeneration({ model })`. */
  bare?: boolean;
  /** Unique enough to one SDK that an unreadable options argument is itself a dynamic reference. */
  strict?: boolean;
  /** `from_pretrained(id, { revision })`: argument index holding the revision option. */
  revisionArg?: number;
}

const MODEL = ["model"] as const;
const OLLAMA: Receiver = { names: ["ollama"], packages: ["ollama", "ollama/browser"], classes: ["Ollama"] };
const REPLICATE: Receiver = { names: ["replicate"], packages: ["replicate"], classes: ["Replicate"] };

const openai = (path: string, strict = true): MethodShape => ({ path: path.split("."), hint: "openai", arg: 0, keys: MODEL, strict });
const anthropic = (path: string): MethodShape => ({ path: path.split("."), hint: "anthropic", arg: 0, keys: MODEL, strict: path.startsWith("beta") });
const google = (path: string): MethodShape => ({ path: path.split("."), hint: "google", arg: 0, keys: MODEL, strict: true });
const ollama = (name: string): MethodShape => ({ path: [name], hint: "ollama", arg: 0, keys: MODEL, receiver: OLLAMA, strict: true });
const hfTask = (name: string): MethodShape => ({ path: [name], hint: "huggingface", arg: 0, keys: MODEL, bare: true });

export const METHOD_SHAPES: readonly MethodShape[] = [
  ...["chat.completions.create", "chat.completions.stream", "chat.completions.parse", "beta.chat.completions.parse",
    "beta.chat.completions.stream", "responses.create", "responses.stream", "responses.parse", "embeddings.create",
    "images.generate", "images.edit", "images.createVariation", "audio.speech.create", "audio.transcriptions.create",
    "audio.translations.create", "moderations.create", "fineTuning.jobs.create", "beta.assistants.create",
    "beta.realtime.sessions.create"].map((p) => openai(p)),
  // Both SDKs had a legacy `completions.create`; the OpenAI one is the one still widely seen.
  openai("completions.create", false),
  ...["messages.create", "messages.stream", "messages.countTokens", "beta.messages.create", "beta.messages.stream"].map(anthropic),
  ...["getGenerativeModel", "models.generateContent", "models.generateContentStream", "models.embedContent",
    "models.generateImages", "models.generateVideos", "models.countTokens", "chats.create", "live.connect"].map(google),
  ...["chat", "generate", "embed", "embeddings", "pull", "show"].map(ollama),
  ...["textGeneration", "textGenerationStream", "chatCompletion", "chatCompletionStream", "featureExtraction",
    "textToImage", "imageToImage", "summarization", "translation", "textClassification", "tokenClassification",
    "questionAnswering", "fillMask", "sentenceSimilarity", "zeroShotClassification", "imageClassification",
    "imageToText", "objectDetection", "imageSegmentation", "automaticSpeechRecognition", "textToSpeech",
    "audioClassification", "documentQuestionAnswering", "visualQuestionAnswering", "textToVideo"].map(hfTask),
  { path: ["run"], hint: "replicate", arg: 0, receiver: REPLICATE, strict: true },
  { path: ["stream"], hint: "replicate", arg: 0, receiver: REPLICATE, strict: true },
  { path: ["from_pretrained"], hint: "huggingface", arg: 0, strict: true, revisionArg: 1 },
  { path: ["initChatModel"], arg: 0, bare: true },
];

/** LangChain JS chat models, LLMs and embeddings: `new ChatOpenAI({ model })`. */
export const CLASS_HINTS: Readonly<Record<string, string>> = {
  ChatOpenAI: "openai", AzureChatOpenAI: "openai", OpenAI: "openai", OpenAIEmbeddings: "openai", AzureOpenAIEmbeddings: "openai",
  ChatAnthropic: "anthropic", ChatGoogleGenerativeAI: "google", GoogleGenerativeAIEmbeddings: "google",
  ChatVertexAI: "google", VertexAIEmbeddings: "google", ChatMistralAI: "mistral", MistralAIEmbeddings: "mistral",
  ChatOllama: "ollama", Ollama: "ollama", OllamaEmbeddings: "ollama", ChatGroq: "groq", ChatCohere: "cohere",
  CohereEmbeddings: "cohere", ChatFireworks: "fireworks", ChatTogetherAI: "together", ChatDeepSeek: "deepseek",
  ChatXAI: "xai", ChatBedrockConverse: "bedrock", BedrockChat: "bedrock", BedrockEmbeddings: "bedrock",
  HuggingFaceInference: "huggingface", HuggingFaceInferenceEmbeddings: "huggingface",
  HuggingFaceTransformersEmbeddings: "huggingface", ChatCloudflareWorkersAI: "cloudflare",
};
export const CLASS_KEYS = ["model", "modelName"] as const;

/** Packages whose exports are Vercel AI SDK providers: `openai("gpt-4o")`, `createOpenAI(…)("…")`. */
/** Provider packages of the AI SDK ecosystem, tested on the package name (subpaths stripped). */
export const AI_SDK_PROVIDER_PACKAGE =
  /^@ai-sdk\/(?!(?:react|vue|svelte|ui-utils|provider|provider-utils|rsc|solid|angular|mcp|otel|langchain|llamaindex|valibot|devtools|codemod|test-server|gateway-utils)$|sandbox-|[a-z-]*harness|workflow|durable)|^@openrouter\/ai-sdk-provider$|^ollama-ai-provider(-v2)?$|^workers-ai-provider$/;

/**
 * Helpers that provider packages also export (`convertReadableStreamToArray`, `commonTool`): a
 * provider instance is named for its provider (`openai`, `bedrockAnthropic`), never for an action.
 */
export const NOT_A_PROVIDER_INSTANCE =
  /^(?:convert|create|mock|get|set|is|has|to|from|parse|format|run|generate|stream|load|read|write|with|use|make|build|validate|common|wrap|combine|extract|simulate|safe|post|fetch|lazy|resolve|download|upload|delay|json|zod|tool|define|register|handle|process|transform|map|filter|send|render|shell|test|assert|expect)(?:[A-Z_]|$)/;
/** Methods of an AI SDK provider that take a model id. */
export const AI_SDK_PROVIDER_METHODS = new Set([
  "chat", "responses", "completion", "languageModel", "embedding", "textEmbedding", "textEmbeddingModel",
  "image", "imageModel", "transcription", "speech", "messages", "chatModel",
]);
/** Core AI SDK calls: a plain string `model` there is a gateway id (`"openai/gpt-4o"`). */
export const AI_SDK_CALLS = new Set(["generateText", "streamText", "generateObject", "streamObject", "embed", "embedMany"]);
export const AI_SDK_PACKAGE = "ai";

export const TRANSFORMERS_PACKAGES = new Set(["@xenova/transformers", "@huggingface/transformers"]);

/** `fetch(url, { body })` / `axios.post(url, data)` to a known provider host. */
export const HTTP_CALLS: Readonly<Record<string, { body: "init" | "data" }>> = {
  fetch: { body: "init" },
  "axios.post": { body: "data" },
};
