// Lifecycle rows from ../shared/reference/facts.md §2 that the copied model-eol feeds do not cover
// (Mistral, Cohere, Alibaba, older Gemini, one Anthropic date). Each row keeps the source the fact
// sheet names. Rows the fact sheet gives only as ranges or reseller reports are left out.
const MISTRAL = ["https://docs.mistral.ai/getting-started/models/", "https://github.com/thossullivan/model-eol"];
const COHERE = ["https://docs.cohere.com/docs/deprecations", "https://github.com/thossullivan/model-eol"];
const ALIBABA = ["https://help.aliyun.com/document_detail/2712457.html"];
const MAINLINE = ["https://www.alibabacloud.com/zh/notice/model_studionotice_on_the_decommissioning_of_certain_historical_mainline_models_731"];
const SPEECH = ["https://www.alibabacloud.com/zh/notice/modelstudiospeech_series_legacy_mainline_models_eos_notice_792"];

const rows = (provider, ids, lifecycle, sources) => ids.map((id) => ({ provider, id, ...lifecycle, sources }));

export const FACT_LIFECYCLES = [
  ...rows("mistral", ["open-mistral-7b", "open-mixtral-8x7b", "open-mixtral-8x22b", "mistral-large-2407"], { deprecated: "2024-11-30", retires: "2025-03-30" }, [...MISTRAL, "https://github.com/stanford-crfm/helm/issues/3958"]),
  ...rows("mistral", ["mistral-small-2402", "mistral-large-2402", "mistral-medium-2312", "codestral-2405"], { retires: "2025-06-16" }, MISTRAL),
  ...rows("mistral", ["open-codestral-mamba"], { deprecated: "2025-06-06", retires: "2025-06-06" }, MISTRAL),
  ...rows("mistral", ["mistral-saba-2502"], { deprecated: "2025-06-10", retires: "2025-09-30" }, MISTRAL),
  ...rows("mistral", ["magistral-medium-2506", "magistral-medium-2507", "magistral-small-2506", "magistral-small-2507", "devstral-small-2505", "mistral-small-2409", "mistral-small-2501", "mistral-small-2503", "codestral-2501"], { retires: "2025-11-30" }, MISTRAL),
  ...rows("mistral", ["ministral-3b-2410", "ministral-8b-2410", "pixtral-12b-2409", "mistral-ocr-2503"], { deprecated: "2025-12-02", retires: "2025-12-31" }, MISTRAL),
  ...rows("mistral", ["mistral-large-2411", "pixtral-large-2411", "devstral-medium-2507", "devstral-small-2507", "voxtral-mini-2507", "mistral-ocr-2505"], { deprecated: "2026-02-27", retires: "2026-05-31" }, MISTRAL),
  ...rows("cohere", ["rerank-english-v2.0", "rerank-multilingual-v2.0"], { deprecated: "2024-12-02", retires: "2025-04-30", replacement: "rerank-v3.5" }, COHERE),
  ...rows("cohere", ["command-r-03-2024", "command-r-plus-04-2024", "command", "command-light", "summarize"], { deprecated: "2025-09-15" }, COHERE),
  ...rows("cohere", ["embed-english-v2.0", "embed-english-light-v2.0", "embed-multilingual-v2.0", "c4ai-aya-expanse-8b", "c4ai-aya-vision-8b"], { deprecated: "2026-04-04", retires: "2026-04-04" }, COHERE),
  ...rows("alibaba", ["qwen-audio-asr", "qwen-audio-asr-latest", "qwen-audio-chat", "qwen2-audio-instruct", "qwen2-57b-a14b-instruct", "qwen2-72b-instruct", "qwen2-7b-instruct", "qwen2-1.5b-instruct", "qwen2-0.5b-instruct", "qwen1.5-110b-chat", "qwen1.5-72b-chat", "qwen1.5-32b-chat", "qwen1.5-14b-chat", "qwen1.5-7b-chat", "qwen1.5-1.8b-chat", "qwen1.5-0.5b-chat", "qwen2.5-math-1.5b-instruct", "qwen2.5-coder-3b-instruct", "qwen2.5-coder-1.5b-instruct", "qwen2.5-coder-0.5b-instruct", "qwen2-vl-72b-instruct"], { retires: "2026-03-30" }, ALIBABA),
  ...rows("alibaba", ["gte-rerank"], { retires: "2026-05-30", replacement: "qwen3-rerank" }, ALIBABA),
  ...rows("alibaba", ["qwen-turbo", "qwen-vl-max", "qwen-vl-plus", "qwq-plus", "qvq-max"], { retires: "2026-10-10" }, MAINLINE),
  ...rows("alibaba", ["qwen-tts", "qwen-tts-realtime", "qwen-voice-design", "gummy-realtime-v1"], { deprecated: "2026-06-05", retires: "2026-10-10" }, SPEECH),
  ...rows("google", ["gemini-1.0-pro"], { deprecated: "2025-02-15" }, ["https://github.com/Brainicism/KMQ_Discord/issues/2260"]),
  ...rows("google", ["gemini-1.5-pro-001", "gemini-1.5-flash-001"], { retires: "2025-05-27" }, ["https://github.com/rxliuli/llm-api-proxy/issues/12"]),
  ...rows("google", ["gemini-1.5-pro-002", "gemini-1.5-flash-002", "gemini-1.5-flash-8b-001"], { retires: "2025-09-24" }, ["https://github.com/rxliuli/llm-api-proxy/issues/12", "https://github.com/openfoodfacts/open-prices/issues/858"]),
  ...rows("anthropic", ["claude-sonnet-4-5-20250929"], { retires: "2026-11-30" }, ["https://platform.claude.com/docs/ja/models/sonnet-4-5/overview.md"]),
];

/** Aliases the fact sheet ties to a snapshot (facts.md §2.5, §2.9). */
export const FACT_ALIASES = [
  { provider: "google", id: "gemini-1.5-pro", snapshot: "gemini-1.5-pro-002", retires: "2025-09-24", sources: ["https://github.com/openfoodfacts/open-prices/issues/858", "https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versioning"] },
  { provider: "google", id: "gemini-1.5-flash", snapshot: "gemini-1.5-flash-002", retires: "2025-09-24", sources: ["https://github.com/openfoodfacts/open-prices/issues/858", "https://cloud.google.com/vertex-ai/generative-ai/docs/learn/model-versioning"] },
  { provider: "deepseek", id: "deepseek-chat", sources: ["https://apidog.com/apidoc/docs-site/747793"] },
  { provider: "deepseek", id: "deepseek-reasoner", sources: ["https://apidog.com/apidoc/docs-site/747793"] },
];
