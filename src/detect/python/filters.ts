/** Precision guards: which folded strings can be model ids, and which names/keys hold one. */

const WEIGHT_FILE = /\.(bin|safetensors|gguf|ggml|pt|pth|ckpt|onnx|h5|pkl|json|ya?ml|txt|model|tflite|engine)$/i;

/** False for paths, URLs, prose and placeholders: `./ckpt`, `/models/x`, `src/utils/x`, `s3://…`. */
export function isModelLike(value: string): boolean {
  if (value.length === 0 || value.length > 200) return false;
  if (/\s/.test(value) || value.includes("\\") || value.includes("://")) return false;
  if (/^[./~]/.test(value) || WEIGHT_FILE.test(value)) return false;
  if ((value.match(/\//g) ?? []).length > 1) return false; // hub ids are `org/name`; more slashes is a path
  if (LOCAL_DIRS.has(value.split("/")[0]!.toLowerCase()) && value.includes("/")) return false;
  if (TEST_PLACEHOLDER.test(value) || TYPE_NAME.test(value)) return false;
  return /^[\w.:@+/-]+$/.test(value) && /[A-Za-z]/.test(value);
}

/**
 * Stand-ins tests pass where a model goes: `model_id="test-model"`, `"fake_model"`, `{"model_id": "test/model"}`
 * (huggingface/smolagents tests). They name no model anyone could depend on.
 */
export const TEST_PLACEHOLDER = /^(?:fake|mock|dummy|test|stub|placeholder|example|foo)[-_/]?(?:model|llm)(?:[-_](?:id|name|\d+))?$/i;

/**
 * Type names written where a schema describes a model field: `{"model_id": "string"}` (pandas dtypes in
 * huggingface/peft method_comparison/processing.py), `"model": "str"` in OpenAPI-style examples.
 */
export const TYPE_NAME = /^(?:string|str|int|integer|float|number|bool|boolean|object|category|list|dict|any|text)$/i;

/**
 * Test temp folders: `from_pretrained(tmp_path)` right after `save_pretrained(tmp_path)` reloads what the
 * test just wrote (huggingface/peft tests: 96 of 632 dynamic references). Other local folders
 * (`checkpoint_dir`) stay dynamic: the audit cannot see which weights they hold.
 */
export const LOCAL_DIR_NAME = /^(?:tmp|temp)(?:_\w*|dir\w*|path\w*)?$/i;

/** First segments of training-output folders that read like `org/name` but are local paths. */
const LOCAL_DIRS: ReadonlySet<string> = new Set([
  "output", "outputs", "checkpoint", "checkpoints", "ckpt", "ckpts", "runs", "results", "saved", "saved_models",
  "weights", "artifacts", "tmp", "models", "model", "data", "exp", "experiments", "logs", "cache",
]);

/**
 * Variable names and argparse destinations that hold a model id: `MODEL_ID`, `embedding_model`, `base_model`.
 * Not names for a model being made: `custom_model_name` (Bedrock fine-tune job, anthropic-cookbook),
 * `output_model_name` (where a trainer saves its result; `hub_model_id` stays, the finetune fixture counts the published repo).
 */
export const MODEL_NAME_PATTERN =
  /^(?!(?:custom|new|output|out|finetuned|fine_tuned|tuned|trained|save|saved|served|export|exported)_)(?:.*_)?(model|model_name|model_id|model_checkpoint|base_model|repo_id|model_name_or_path)$/i;

/** Dict keys that hold a model id in request bodies and config dicts. */
export const MODEL_KEYS: ReadonlySet<string> = new Set([
  "model", "model_name", "model_id", "base_model", "repo_id", "pretrained_model_name_or_path",
]);

/** `huggingface.co/<org>/<name>`; the first segment must not be one of the site's own pages. */
export const HUB_URL = /\b(?:huggingface\.co|hf\.co)\/([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*)/g;
export const HUB_RESERVED: ReadonlySet<string> = new Set([
  "datasets", "spaces", "docs", "blog", "api", "settings", "join", "login", "models", "papers", "learn",
  "chat", "pricing", "organizations", "collections", "tasks", "posts", "new", "enterprise", "inference-endpoints",
]);
