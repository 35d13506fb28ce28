/**
 * What counts as a model key and a model value in config files, env files and command lines.
 * Precision first: a value only becomes a model mention when it could be a model id.
 */
import { TEST_PLACEHOLDER, TYPE_NAME } from "../python/filters.js";

/** Keys whose value is a model whatever it looks like (after the plausibility check). */
const MODEL_KEY =
  /^(?:[a-z0-9]+_)*models?(?:_(?:name|names|id|ids|repo|repo_id|tag|name_or_path))?$|^(?:repo_id|pretrained_model_name_or_path|tokenizer_name(?:_or_path)?)$/;

/**
 * Generic words that name a model only sometimes (`engine: postgres`, `deployment: prod`): their value
 * counts only when the rules database knows it.
 */
const WEAK_KEY = /^(?:[a-z0-9]+_)*(?:engine|deployment(?:_name|_id)?|llm)$/;

/** `modelId`, `MODEL-NAME`, `baseModel` → `model_id`, `model_name`, `base_model`. */
export function normalizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[-.\s]+/g, "_")
    .toLowerCase();
}

export type KeyStrength = "strong" | "weak" | undefined;

/** Keys that match the model-key shape but hold something else: a pin, or an alias the server answers to. */
const NOT_MODEL_KEY =
  /^(?:revision_of_model|num_models?|(?:custom|new|output|finetuned|fine_tuned|trained|saved|served|export|exported)_models?_(?:name|id|repo|repo_id))$/;

/**
 * Names a server answers to, not models it runs: llama-cpp-python server configs set
 * `"alias": "qwen3.6-27b"` beside `repo_id: unsloth/Qwen3.6-27B-GGUF`, and `"model_alias": "gpt-4"` for
 * a local GGUF. A known API id there would be reported as that vendor's API model.
 */
export function isAliasKey(key: string): boolean {
  return /^(?:[a-z0-9]+_)*(?:alias|aliases|served_model_names?)$/.test(normalizeKey(key));
}

export function modelKeyStrength(key: string): KeyStrength {
  const k = normalizeKey(key);
  if (NOT_MODEL_KEY.test(k)) return undefined;
  if (MODEL_KEY.test(k)) return "strong";
  if (WEAK_KEY.test(k)) return "weak";
  return undefined;
}

/** A value found inside a string: `offset`/`length` are relative to the string given. */
export interface ValuePart {
  kind: "model" | "dynamic";
  value: string;
  offset: number;
  length: number;
}

const BOOLEANISH = /^(?:true|false|yes|no|on|off|null|none|nil|~|undefined|auto|default|changeme|todo|xxx+)$/i;
const NUMBER = /^[+-]?(?:\d[\d_]*)?(?:\.\d+)?(?:e[+-]?\d+)?$/i;
const LOCAL_FILE = /\.(?:bin|gguf|ggml|safetensors|pt|pth|ckpt|onnx|h5|pb|tflite|json|ya?ml|toml|txt|pkl|zip|tar|gz)$/i;
/** `auth.user` (Django fixtures), `app.models`: dotted words without digits or dashes are code, not models. */
/** Deepgram responses list `"models": ["2187e11a-…"]`: opaque UUIDs, never an id a rules database could know. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOTTED_WORDS = /^[A-Za-z_]+(?:\.[A-Za-z_]+)+$/;
const PLACEHOLDER = /^(?:<[^>]*>|\{\{.*\}\}|%\([^)]*\)s|\{[A-Za-z_][\w.]*\}|your[-_ ].*)$/i;
/** `${VAR:-default}`, `${VAR-default}`, `${VAR:=default}` spanning the whole value. */
const WITH_DEFAULT = /^\$\{([A-Za-z_][A-Za-z0-9_]*):?[-=]([^{}]*)\}$/;
const VARIABLE = /^(?:\$(?:[A-Za-z_][A-Za-z0-9_]*|\d|[@*])|\$\{[^{}]*\}|\$\([^()]*\)|\{\{.*\}\})$/;

/**
 * `arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0:200k`: the model is
 * the Bedrock id after the resource type (anthropic-cookbook finetuning_on_bedrock.ipynb `base_model_id`).
 * Returns how many leading characters to skip, or 0 when the value is not a Bedrock model ARN.
 */
const BEDROCK_ARN = /^arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d*:(?:foundation-model|inference-profile)\/(?=[a-z])/;
export function bedrockArnPrefixLength(value: string): number {
  return BEDROCK_ARN.exec(value)?.[0].length ?? 0;
}

/** Classifies a value written at a model position: a model id, a dynamic reference, or nothing. */
export function classifyModelValue(written: string): ValuePart | undefined {
  const lead = written.length - written.trimStart().length;
  const value = written.trim();
  if (value === "") return undefined;
  const withDefault = WITH_DEFAULT.exec(value);
  if (withDefault) {
    const fallback = withDefault[2]!;
    const inner = classifyModelValue(fallback);
    if (inner?.kind === "model") {
      return { ...inner, offset: lead + value.indexOf(fallback) + inner.offset };
    }
    return { kind: "dynamic", value, offset: lead, length: value.length };
  }
  if (VARIABLE.test(value)) return { kind: "dynamic", value, offset: lead, length: value.length };
  if (!isPlausibleModelId(value)) return undefined;
  const arn = bedrockArnPrefixLength(value);
  return { kind: "model", value: value.slice(arn), offset: lead + arn, length: value.length - arn };
}

export function isPlausibleModelId(value: string): boolean {
  if (value.length > 200 || /\s/.test(value) || value.includes("$")) return false;
  if (/^(?:\.{1,2}[\\/]|[\\/~]|[A-Za-z]:[\\/])/.test(value)) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  if (BOOLEANISH.test(value) || NUMBER.test(value) || PLACEHOLDER.test(value)) return false;
  if (LOCAL_FILE.test(value) || DOTTED_WORDS.test(value) || /^[0-9a-f]{40}$/.test(value)) return false;
  if (TEST_PLACEHOLDER.test(value) || TYPE_NAME.test(value)) return false;
  if (UUID.test(value)) return false;
  return /[A-Za-z]/.test(value);
}

/**
 * Whether a known id is distinctive enough to count where nothing else says "model" (no model key, no
 * loading call). A bare word (`command`, `gemma`, `whisper`, `bert`) is a model id in the database but
 * far more often a dict key, tool name or chat-format name: `{"type": "command"}` in a Claude Code
 * settings file, `@register_chat_format("gemma")` in llama-cpp-python. Ids with a digit, dash, dot,
 * slash or colon (`gpt-4o`, `deepseek-chat`, `llama3:8b`) stay.
 */
export function isDistinctiveModelId(value: string): boolean {
  return !/^[A-Za-z]+$/.test(value);
}

/** Hub pages that are not models: `huggingface.co/datasets/…`, `/spaces/…`, `/docs/…`. */
const HUB_NON_MODEL = new Set([
  "datasets", "spaces", "docs", "blog", "papers", "api", "models", "settings", "join", "login",
  "organizations", "collections", "learn", "pricing", "posts", "tasks", "chat", "new", "search",
]);
const HUB_URL = /\bhttps?:\/\/(?:www\.)?(?:huggingface\.co|hf\.co)\/([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*[A-Za-z0-9_])/g;

/** `org/name` in every `huggingface.co/org/name` URL of a text, with the offset of `org`. */
export function findHubUrls(text: string): { value: string; offset: number }[] {
  const out: { value: string; offset: number }[] = [];
  if (!text.includes("hf.co/") && !text.includes("huggingface.co/")) return out;
  for (const match of text.matchAll(HUB_URL)) {
    const org = match[1]!;
    if (HUB_NON_MODEL.has(org.toLowerCase())) continue;
    const value = `${org}/${match[2]!.replace(/\.git$/, "")}`;
    out.push({ value, offset: match.index + match[0].length - match[1]!.length - 1 - match[2]!.length });
  }
  return out;
}

/** Ollama tags are written `name[:tag]`, lower case, no organisation (`llama3.1:8b`, `nomic-embed-text`). */
export function isOllamaContext(key: string): boolean {
  return /ollama/i.test(key);
}
