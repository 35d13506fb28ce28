import { describe, expect, it } from "vitest";
import { pythonDetector } from "../src/detect/python/index.js";
import type { ModelMention } from "../src/types.js";
import { makeContext } from "./helpers/context.js";

interface Row {
  code: string;
  known?: string[];
}
interface InvalidRow extends Row {
  expected: Array<Partial<ModelMention> & { value: string; line: number; column: number }>;
}

const KNOWN = ["gpt-4o", "claude-3-5-sonnet-20240620"];

function models(row: Row): ModelMention[] {
  const ctx = makeContext(row.known ?? KNOWN);
  const mentions = pythonDetector.detect([{ path: "app.py", text: row.code }], ctx);
  return (mentions as ModelMention[]).filter((m) => m.kind === "model");
}

const valid: Row[] = [
  // huggingface/peft tests: reloading what was just saved is not a model reference, not even a dynamic one.
  { code: `def test_save(tmp_path):\n    model.save_pretrained(tmp_path)\n    m = PeftModel.from_pretrained(base, tmp_path)\n    t = AutoTokenizer.from_pretrained(self.tmp_dirname)\n` },
  // huggingface/peft method_comparison/processing.py: a dtype table, not a model.
  { code: `_COMMON_DTYPES = {\n    "model_id": "string",\n    "model": "str",\n}\n` },
  // huggingface/peft src/peft/utils/constants.py and tests/testing_common.py: architecture names and substring tests.
  { code: `TARGET_MODULES = {\n    "qwen2": ["down_proj"],\n    "gemma4": r".*language_model.*",\n}\n`, known: ["qwen2", "gemma4"] },
  { code: `if "qwen2" in model_id:\n    pass\nif model_id.endswith("qwen2") or name.startswith("gpt-4o"):\n    pass\n`, known: ["qwen2", "gpt-4o"] },
  // huggingface/smolagents tests: stand-in ids at model positions.
  { code: `model = InferenceClientModel(model_id="test-model")\nm2 = OpenAIModel(model_id="fakemodel")\nmodel_id = "fake_model"\n` },
  { code: `tool = SpeechToTextTool(model="dummy_model_id")\ncfg = {"model": "mock_model", "data": {"model_id": "test/model"}}\n` },
  // anthropic-cookbook finetuning_on_bedrock.ipynb: the name of the model the job will create.
  { code: `custom_model_name = "anthropic_finetuning_cookbook"\n` },
  { code: `parser.add_argument("--output_model_name", default="my-org/llama-faq-lora")\n` },
  // Bare-word ids the database knows (Cohere `command`, Ollama `gemma`) are not models outside a model position:
  // llama-cpp-python llama_chat_format.py, anthropic-cookbook .claude/hooks/script-usage-logger.py.
  { code: `@register_chat_format("gemma")\ndef format_gemma(messages): ...\n`, known: ["gemma", "command"] },
  { code: `command = tool_input.get("command", "")\nlog = {"command": command}\n`, known: ["gemma", "command"] },
  { code: `import os\nsys.path.append("src/utils")\n` },
  { code: `from datasets import load_dataset\nds = load_dataset("openai/gsm8k", "main")\n` },
  { code: `DATA = "tatsu-lab/alpaca"\nds = load_dataset(DATA)\n` },
  { code: `path = hf_hub_download(repo_id="squad/v2", filename="train.json", repo_type="dataset")\n` },
  { code: `m = AutoModel.from_pretrained("./checkpoints/best")\n` },
  { code: `m = AutoModel.from_pretrained("/mnt/models/llama/7b")\n` },
  { code: `tok.save_pretrained("out/tokenizer")\n` },
  { code: `tuned = PeftModel.from_pretrained(model, "outputs/lora-faq")\n` },
  { code: `out = model.generate(**inputs, max_new_tokens=64)\n` },
  { code: `reply = bot.chat(model=self.model)\n` },
  { code: `print("facebook/react is not a model")\n` },
  { code: `x = "gpt-4o" if False else None\n`, known: [] },
  { code: `parser.add_argument("--output-dir", default="runs/exp1")\n` },
  { code: `MODEL_DIR = "/models"\n` },
  { code: `url = "https://huggingface.co/docs/transformers/index"\n` },
  { code: `# from_pretrained("org/in-a-comment")\n` },
];

const invalid: InvalidRow[] = [
  // smolagents examples/multi_llm_agent.py: a database that knows the prefixed literal must not undo the split.
  { code: `L = [{"litellm_params": {"model": "bedrock/anthropic.claude-3-sonnet-20240229-v1:0"}}]\n`, known: ["bedrock/anthropic.claude-3-sonnet-20240229-v1:0"], expected: [{ value: "anthropic.claude-3-sonnet-20240229-v1:0", line: 1, column: 44, providerHint: "bedrock", evidence: "model-position" }] },
  // A pricing table keyed by dated ids and a membership list are still model references.
  { code: `PRICES = {"gpt-4o": 2.5}\nif model in ("qwen2", "o1"):\n    pass\n`, known: ["gpt-4o", "qwen2", "o1"], expected: [{ value: "gpt-4o", line: 1, column: 12 }, { value: "qwen2", line: 2, column: 15 }, { value: "o1", line: 2, column: 24 }] },
  // huggingface/smolagents tests/test_models.py and examples/multi_llm_agent.py: LiteLLM prefixes were left on the id.
  { code: `model = LiteLLMModel(model_id="groq/llama-3.3-70b", flatten_messages_as_text=False)\n`, expected: [{ value: "llama-3.3-70b", line: 1, column: 37, providerHint: "groq" }] },
  { code: `model_list = [{"model_name": "group-1", "litellm_params": {"model": "mistral/mistral-tiny"}}]\n`, expected: [{ value: "group-1", line: 1, column: 31 }, { value: "mistral-tiny", line: 1, column: 78, providerHint: "mistral" }] },
  // anthropic-cookbook finetuning/finetuning_on_bedrock.ipynb: the model is the Bedrock id after the ARN's resource type.
  { code: `base_model_id = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0:200k"\n`, expected: [{ value: "anthropic.claude-3-haiku-20240307-v1:0:200k", line: 1, column: 62, text: "anthropic.claude-3-haiku-20240307-v1:0:200k", providerHint: "amazon-bedrock" }] },
  { code: `r = co.chat(model="command", message=q)\n`, known: ["command"], expected: [{ value: "command", line: 1, column: 20 }] },
  { code: `m = AutoModelForCausalLM.from_pretrained("meta-llama/Llama-3.1-8B")\n`, expected: [{ value: "meta-llama/Llama-3.1-8B", line: 1, column: 43, endColumn: 66, providerHint: "huggingface", via: "from_pretrained" }] },
  { code: `tok = AutoTokenizer.from_pretrained(pretrained_model_name_or_path='bert-base-uncased')\n`, expected: [{ value: "bert-base-uncased", line: 1, column: 68 }] },
  { code: `m = AutoModel.from_pretrained("Qwen/Qwen2-7B", revision="0123456789abcdef0123456789abcdef01234567")\n`, expected: [{ value: "Qwen/Qwen2-7B", line: 1, column: 32, revision: "0123456789abcdef0123456789abcdef01234567" }] },
  { code: `MODEL_ID = "mistralai/Mistral-7B-v0.1"\n\nmodel = AutoModel.from_pretrained(MODEL_ID)\ntok = AutoTokenizer.from_pretrained(MODEL_ID)\n`, expected: [{ value: "mistralai/Mistral-7B-v0.1", line: 1, column: 13, usedAt: [{ file: "app.py", line: 3, column: 35, endLine: 3, endColumn: 43 }, { file: "app.py", line: 4, column: 37, endLine: 4, endColumn: 45 }] }] },
  { code: `clf = pipeline("sentiment-analysis", model="distilbert-base-uncased-finetuned-sst-2-english")\n`, expected: [{ value: "distilbert-base-uncased-finetuned-sst-2-english", line: 1, column: 45 }] },
  { code: `asr = pipeline("automatic-speech-recognition", "openai/whisper-small")\n`, expected: [{ value: "openai/whisper-small", line: 1, column: 49 }] },
  { code: `p = hf_hub_download(repo_id="TheBloke/Llama-2-7B-GGUF", filename="llama-2-7b.Q4_K_M.gguf")\n`, expected: [{ value: "TheBloke/Llama-2-7B-GGUF", line: 1, column: 30 }] },
  { code: `snapshot_download("stabilityai/sdxl-turbo", local_dir="weights")\n`, expected: [{ value: "stabilityai/sdxl-turbo", line: 1, column: 20 }] },
  { code: `pipe = StableDiffusionPipeline.from_pretrained(\n    "runwayml/stable-diffusion-v1-5", torch_dtype=torch.float16\n)\n`, expected: [{ value: "runwayml/stable-diffusion-v1-5", line: 2, column: 6 }] },
  { code: `emb = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")\nrr = CrossEncoder("cross-encoder/ms-marco-MiniLM-L-6-v2")\n`, expected: [{ value: "sentence-transformers/all-MiniLM-L6-v2", line: 1, column: 28 }, { value: "cross-encoder/ms-marco-MiniLM-L-6-v2", line: 2, column: 20 }] },
  { code: `from openai import OpenAI\nclient = OpenAI()\nr = client.chat.completions.create(model="gpt-4o-mini", messages=m)\n`, expected: [{ value: "gpt-4o-mini", line: 3, column: 43, providerHint: "openai", via: "chat.completions.create" }] },
  { code: `r = client.responses.create(model="o3-mini", input="hi")\ne = client.embeddings.create(model="text-embedding-3-small", input=t)\n`, expected: [{ value: "o3-mini", line: 1, column: 36 }, { value: "text-embedding-3-small", line: 2, column: 37 }] },
  { code: `import anthropic\nclient = anthropic.Anthropic()\nmsg = client.messages.create(\n    model="claude-3-5-sonnet-20240620",\n    max_tokens=1024,\n)\n`, expected: [{ value: "claude-3-5-sonnet-20240620", line: 4, column: 12, providerHint: "anthropic" }] },
  { code: `import google.generativeai as genai\nmodel = genai.GenerativeModel("gemini-1.5-flash")\n`, expected: [{ value: "gemini-1.5-flash", line: 2, column: 32, providerHint: "google" }] },
  { code: `from google import genai\nclient = genai.Client()\nr = client.models.generate_content(model="gemini-2.0-flash", contents="hi")\n`, expected: [{ value: "gemini-2.0-flash", line: 3, column: 43, providerHint: "google" }] },
  { code: `from mistralai import Mistral\nclient = Mistral(api_key=k)\nr = client.chat.complete(model="mistral-large-latest", messages=m)\n`, expected: [{ value: "mistral-large-latest", line: 3, column: 33, providerHint: "mistral" }] },
  { code: `import cohere\nco = cohere.ClientV2()\nr = co.chat(model="command-r-plus", messages=m)\n`, expected: [{ value: "command-r-plus", line: 3, column: 20, providerHint: "cohere" }] },
  { code: `import dashscope\nr = dashscope.Generation.call(model="qwen-max", messages=m)\n`, expected: [{ value: "qwen-max", line: 2, column: 38, providerHint: "dashscope" }] },
  { code: `from langchain_openai import ChatOpenAI\nllm = ChatOpenAI(model_name="gpt-4o", temperature=0)\n`, expected: [{ value: "gpt-4o", line: 2, column: 30, providerHint: "openai", via: "ChatOpenAI" }] },
  { code: `llm = ChatAnthropic(model="claude-3-haiku-20240307")\nloc = ChatOllama(model="llama3.1:8b")\n`, expected: [{ value: "claude-3-haiku-20240307", line: 1, column: 28, providerHint: "anthropic" }, { value: "llama3.1:8b", line: 2, column: 25, providerHint: "ollama" }] },
  { code: `emb = HuggingFaceEmbeddings(model_name="BAAI/bge-small-en-v1.5")\n`, expected: [{ value: "BAAI/bge-small-en-v1.5", line: 1, column: 41, providerHint: "huggingface" }] },
  { code: `llm = init_chat_model("openai:gpt-4o", temperature=0)\n`, expected: [{ value: "gpt-4o", line: 1, column: 31, endColumn: 37, providerHint: "openai", text: "gpt-4o" }] },
  { code: `from llama_index.core import Settings\nfrom llama_index.llms.openai import OpenAI\nSettings.llm = OpenAI(model="gpt-4o-mini")\nSettings.embed_model = HuggingFaceEmbedding(model_name="BAAI/bge-base-en-v1.5")\n`, expected: [{ value: "gpt-4o-mini", line: 3, column: 30 }, { value: "BAAI/bge-base-en-v1.5", line: 4, column: 57 }] },
  { code: `import litellm\nr = litellm.completion(model="anthropic/claude-3-5-haiku-20241022", messages=m)\n`, expected: [{ value: "claude-3-5-haiku-20241022", line: 2, column: 41, providerHint: "anthropic" }] },
  { code: `from litellm import acompletion, embedding\nr = await acompletion(model="gpt-4o-mini", messages=m)\ne = embedding(model="ollama/nomic-embed-text", input=[t])\n`, expected: [{ value: "gpt-4o-mini", line: 2, column: 30, providerHint: "litellm" }, { value: "nomic-embed-text", line: 3, column: 29, providerHint: "ollama" }] },
  { code: `import ollama\nr = ollama.chat(model="llama3.2", messages=m)\ng = ollama.generate("qwen2.5:7b-instruct-q4_K_M", prompt)\n`, expected: [{ value: "llama3.2", line: 2, column: 24, providerHint: "ollama" }, { value: "qwen2.5:7b-instruct-q4_K_M", line: 3, column: 22, providerHint: "ollama" }] },
  { code: `from vllm import LLM, SamplingParams\nllm = LLM(model="Qwen/Qwen2.5-7B-Instruct", tensor_parallel_size=2)\n`, expected: [{ value: "Qwen/Qwen2.5-7B-Instruct", line: 2, column: 18, providerHint: "vllm" }] },
  { code: `import whisper\nm = whisper.load_model("base")\n`, expected: [{ value: "base", line: 2, column: 25, providerHint: "openai-whisper" }] },
  { code: `from llama_cpp import Llama\nllm = Llama.from_pretrained(repo_id="Qwen/Qwen2-0.5B-Instruct-GGUF", filename="*q8_0.gguf")\n`, expected: [{ value: "Qwen/Qwen2-0.5B-Instruct-GGUF", line: 2, column: 38, providerHint: "huggingface" }] },
  { code: `import os\nMODEL = os.environ.get("LLM_MODEL", "gpt-4o-mini")\nr = client.chat.completions.create(model=MODEL, messages=m)\n`, expected: [{ value: "gpt-4o-mini", line: 2, column: 38, usedAt: [{ file: "app.py", line: 3, column: 42, endLine: 3, endColumn: 47 }] }] },
  { code: `MODEL = os.getenv("LLM_MODEL") or "claude-3-5-sonnet-20240620"\nllm = ChatAnthropic(model=MODEL)\n`, expected: [{ value: "claude-3-5-sonnet-20240620", line: 1, column: 36 }] },
  { code: `def load(name="google/flan-t5-base"):\n    return AutoModelForSeq2SeqLM.from_pretrained(name)\n`, expected: [{ value: "google/flan-t5-base", line: 1, column: 16, usedAt: [{ file: "app.py", line: 2, column: 50, endLine: 2, endColumn: 54 }] }] },
  { code: `ORG = "meta-llama"\nmodel = AutoModel.from_pretrained(f"{ORG}/Llama-3.2-1B")\n`, expected: [{ value: "meta-llama/Llama-3.2-1B", line: 2, column: 37, text: "{ORG}/Llama-3.2-1B" }] },
  { code: `BASE = "EleutherAI/"\nmodel = AutoModel.from_pretrained(BASE + "pythia-160m")\n`, expected: [{ value: "EleutherAI/pythia-160m", line: 2, column: 35 }] },
  { code: `import argparse\nparser = argparse.ArgumentParser()\nparser.add_argument("--model", default="microsoft/phi-2")\nargs = parser.parse_args()\nm = AutoModel.from_pretrained(args.model)\n`, expected: [{ value: "microsoft/phi-2", line: 3, column: 41, via: "from_pretrained", usedAt: [{ file: "app.py", line: 5, column: 31, endLine: 5, endColumn: 41 }] }] },
  { code: `p.add_argument("--base-model", type=str, default="Qwen/Qwen2.5-0.5B")\n`, expected: [{ value: "Qwen/Qwen2.5-0.5B", line: 1, column: 51, via: "argparse --base-model" }] },
  { code: `def load(path):\n    return AutoModel.from_pretrained(path)\n`, expected: [{ value: "path", line: 2, column: 38, dynamic: true }] },
  { code: `def load(template_dir):\n    return AutoModel.from_pretrained(template_dir)\n`, expected: [{ value: "template_dir", line: 2, column: 38, dynamic: true }] },
  { code: `m = AutoModel.from_pretrained(os.environ["MODEL_ID"])\n`, expected: [{ value: `os.environ["MODEL_ID"]`, line: 1, column: 31, dynamic: true }] },
  { code: `CONFIG = {"model": "gpt-4o-mini", "temperature": 0}\nr = client.chat.completions.create(model=CONFIG["model"], messages=m)\n`, expected: [{ value: "gpt-4o-mini", line: 1, column: 21 }] },
  { code: `class Bot:\n    def __init__(self, model="mistral-small-latest"):\n        self.model = model\n    def ask(self, q):\n        return self.client.chat.complete(model=self.model, messages=q)\n`, expected: [{ value: "mistral-small-latest", line: 2, column: 31 }] },
  { code: `requests.post(URL, json={"model": "llama3", "prompt": p})\n`, expected: [{ value: "llama3", line: 1, column: 36, via: `"model":` }] },
  { code: `agent = Agent(name="triage", model="o3-mini")\n`, expected: [{ value: "o3-mini", line: 1, column: 37, via: "Agent(model=)" }] },
  { code: `DEFAULT = "claude-3-5-sonnet-20240620"\n`, expected: [{ value: "claude-3-5-sonnet-20240620", line: 1, column: 12, evidence: "literal" }] },
  { code: `URL = "https://huggingface.co/runwayml/stable-diffusion-v1-5/resolve/main/v1-5-pruned.ckpt"\n`, expected: [{ value: "runwayml/stable-diffusion-v1-5", line: 1, column: 31, evidence: "url" }] },
  { code: `s = "é"; m = AutoModel.from_pretrained("gpt2")\n`, expected: [{ value: "gpt2", line: 1, column: 41 }] },
  { code: `lora = PeftModel.from_pretrained(base, "tloen/alpaca-lora-7b")\n`, expected: [{ value: "tloen/alpaca-lora-7b", line: 1, column: 41 }] },
];

describe("python detector", () => {
  it.each(valid.map((row) => [row.code, row] as const))("finds no model in %s", (_code, row) => {
    expect(models(row)).toEqual([]);
  });

  it.each(invalid.map((row) => [row.code, row] as const))("finds the model in %s", (_code, row) => {
    const found = models(row);
    expect(found).toHaveLength(row.expected.length);
    row.expected.forEach((expected, i) => expect(found[i]).toMatchObject(expected));
  });
});
