/**
 * Where a bare string literal stands, for the "known id anywhere" rule. A known id used as a pattern or
 * as an architecture name is not a model the code runs (found on huggingface/peft and smolagents):
 * - `"qwen2" in model_id`, `name.endswith("qwen2")`, `model.startswith("gpt-4")`: substring tests;
 * - `{"qwen2": ["down_proj"], "gemma4": …}`: keys of model_type → setting tables, where the key is a
 *   Transformers architecture name that happens to equal an Ollama tag.
 */
import type { SyntaxNode } from "@lezer/common";
import { textOf } from "./syntax.js";

const SUBSTRING_METHODS = /\.(?:startswith|endswith|removeprefix|removesuffix|find|rfind|index|count|split|partition)$/;
/** `qwen2`, `gemma4`, `llama4`, `o1`: a family word and a version, no size, tag or date. */
const ARCHITECTURE_LIKE = /^[A-Za-z]+\d+(?:\.\d+)?$/;

export function isPatternUse(node: SyntaxNode, text: string, value: string): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (parent.name === "BinaryExpression" && node.prevSibling === null) {
    const op = node.nextSibling;
    if (op?.name === "in" || (op?.name === "not" && op.nextSibling?.name === "in")) return true;
  }
  if (parent.name === "ArgList" && parent.parent?.name === "CallExpression") {
    const callee = parent.parent.firstChild;
    if (callee && SUBSTRING_METHODS.test(textOf(callee, text))) return true;
  }
  if (parent.name === "DictionaryExpression" && node.nextSibling?.name === ":") return ARCHITECTURE_LIKE.test(value);
  return false;
}
