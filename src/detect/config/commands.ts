import type { DetectContext } from "../../types.js";
import { placePart, type Hit } from "./hits.js";
import { classifyModelValue, findHubUrls, isAliasKey, isDistinctiveModelId, isOllamaContext, modelKeyStrength, normalizeKey } from "./model-value.js";
import { contentRange, readWord, splitCommands, type Word } from "./shell-words.js";

/** Flags that take a model besides the model-key names (`--model`, `--model-id`, `--base-model` …). */
const EXTRA_FLAGS = new Set(["model_path", "hf_repo", "hf"]);
/** Options that take no value, so the word after them is still the positional argument. */
const BOOLEAN_OPTIONS = new Set(["--insecure", "--verbose", "--quiet", "--resume-download", "--force-download", "--no-progress"]);
/** Wrappers that run the next word as the program. */
const WRAPPERS = new Set(["exec", "nohup", "sudo", "time", "command", "nice", "stdbuf"]);
const SHELLS = new Set(["sh", "bash", "zsh", "dash", "ash"]);
const RUNNERS = new Set(["uv", "poetry", "pipx", "pdm", "hatch", "conda", "micromamba"]);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
const DECLARE = new Set(["export", "local", "declare", "readonly", "typeset", "env"]);
const VAR_USE = /^\$(?:([A-Za-z_][A-Za-z0-9_]*)|\{([A-Za-z_][A-Za-z0-9_]*)\}|\(([A-Za-z_][A-Za-z0-9_]*)\))$/;

interface Variable {
  start: number;
  end: number;
  value: string;
  hit?: Hit;
}

/**
 * Finds models in shell-like commands (scripts, Dockerfile RUN/CMD, Makefile recipes, compose
 * `command:`) and in variable assignments, following a variable to the flag that uses it.
 */
export class CommandScanner {
  readonly hits: Hit[] = [];
  private readonly vars = new Map<string, Variable>();

  constructor(
    private readonly text: string,
    private readonly ctx: DetectContext,
  ) {}

  /** Hub URLs in a value (`wget https://huggingface.co/org/name/resolve/…`); comments are never scanned. */
  private scanUrls(range: { start: number; end: number }, value: string): void {
    for (const url of findHubUrls(value)) {
      const at = placePart(range, value.length, { offset: url.offset, length: url.value.length });
      this.hits.push({ ...at, value: url.value, evidence: "url" });
    }
  }

  /** One command's words: leading assignments, then the program and its arguments. */
  scanCommand(words: readonly Word[]): void {
    let i = 0;
    const isDeclare = words[0] !== undefined && DECLARE.has(words[0].value);
    if (isDeclare) i = 1;
    for (; i < words.length; i++) {
      const word = words[i]!;
      if (ASSIGNMENT.test(word.value)) this.assignWord(word);
      else if (!(isDeclare && word.value.startsWith("-"))) break;
    }
    for (const word of words) this.scanUrls(contentRange(this.text, word.start, word.end, word.value), word.value);
    while (i < words.length && WRAPPERS.has(words[i]!.value)) i++;
    if (RUNNERS.has(words[i]?.value ?? "") && words[i + 1]?.value === "run") i += 2;
    this.scanArgv(words.slice(i));
  }

  /** `NAME=value` as one word (shell, `ENV A=b`, compose `- A=b`). */
  assignWord(word: Word): void {
    const eq = this.text.indexOf("=", word.start);
    const name = word.value.slice(0, word.value.indexOf("="));
    const value = readWord(this.text, eq + 1, word.end);
    this.assign(name, value.start, value.end, value.value);
  }

  /**
   * A key or variable (`name`, absent for a list item) set to the raw range `start..end` whose decoded
   * text is `value`: a model when the key is a model key, a known model id, or a hub URL.
   */
  assign(name: string | undefined, start: number, end: number, value: string): Hit | undefined {
    const range = contentRange(this.text, start, end, value);
    this.scanUrls(range, value);
    const strength = name === undefined ? undefined : modelKeyStrength(name);
    const alias = VAR_USE.exec(value.trim());
    const source = alias ? this.vars.get(alias[1] ?? alias[2] ?? alias[3]!) : undefined;
    if (source && name !== undefined) {
      // `ARG MODEL=x` then `ENV MODEL=${MODEL}`: one value, now used here too.
      this.vars.set(name, source);
      if (strength === "strong") this.useVariable(source, range, name, isOllamaContext(name) ? "ollama" : undefined);
      return source.hit;
    }
    const part = classifyModelValue(value);
    const variable: Variable = { ...range, value };
    if (name !== undefined) this.vars.set(name, variable);
    if (!part) return undefined;
    const at = placePart(range, value.length, part);
    // The database is asked last: most values fail the cheap tests, and a miss costs every pattern.
    const isKnown = () => part.kind === "model" && this.ctx.isKnownModel(part.value);
    if (strength === "strong" || (strength === "weak" && isKnown())) {
      const hint = isOllamaContext(name!) ? "ollama" : undefined;
      variable.hit = this.push(at, part.value, name!, part.kind === "dynamic", hint);
    } else if (isDistinctiveModelId(part.value) && !(name !== undefined && isAliasKey(name)) && isKnown()) {
      variable.hit = { ...at, value: part.value, evidence: "literal" };
      this.hits.push(variable.hit);
    }
    return variable.hit;
  }

  private scanArgv(argv: readonly Word[]): void {
    const program = argv[0] ? argv[0].value.replace(/^.*\//, "").replace(/^[@+-]+/, "") : "";
    const sub = argv[1]?.value;
    if (SHELLS.has(program) && sub === "-c" && argv[2]) {
      // `sh -c "ollama serve & sleep 5; ollama pull llama3"` in exec-form CMD or compose `command:`.
      const inner = contentRange(this.text, argv[2].start, argv[2].end, argv[2].value);
      if (inner.end - inner.start === argv[2].value.length) {
        for (const command of splitCommands(this.text, inner.start, inner.end)) this.scanCommand(command);
      }
      return;
    }
    if (program === "ollama" && (sub === "pull" || sub === "run")) {
      this.modelArg(nextPositional(argv, 2), `ollama ${sub}`, "ollama");
    } else if (program === "vllm" && sub === "serve") {
      this.modelArg(nextPositional(argv, 2), "vllm serve");
    } else if ((program === "huggingface-cli" || program === "hf") && sub === "download") {
      const typeAt = argv.findIndex((w) => w.value === "--repo-type" || w.value.startsWith("--repo-type="));
      const repoType = typeAt === -1 ? "model" : argv[typeAt]!.value.split("=")[1] ?? argv[typeAt + 1]?.value;
      if (repoType === "model") this.modelArg(nextPositional(argv, 2), `${program} download`);
    }
    for (let j = 0; j < argv.length; j++) {
      const word = argv[j]!;
      const flag = /^--?([A-Za-z][\w-]*)(=?)/.exec(word.value);
      if (!flag || !isModelFlag(flag[1]!, word.value.startsWith("--"))) continue;
      if (flag[2] === "=") {
        const eq = this.text.indexOf("=", word.start);
        this.modelArg(readWord(this.text, eq + 1, word.end), `--${flag[1]}`);
      } else if (argv[j + 1] && !argv[j + 1]!.value.startsWith("-")) {
        this.modelArg(argv[++j], `--${flag[1]}`);
      }
    }
  }

  private modelArg(word: Word | undefined, via: string, hint?: string): void {
    if (!word) return;
    const range = contentRange(this.text, word.start, word.end, word.value);
    const part = classifyModelValue(word.value);
    if (!part) return;
    const use = VAR_USE.exec(word.value.trim());
    const variable = use ? this.vars.get(use[1] ?? use[2] ?? use[3]!) : undefined;
    if (variable) return this.useVariable(variable, range, via, hint);
    this.push(placePart(range, word.value.length, part), part.value, via, part.kind === "dynamic", hint);
  }

  /** `--model "$MODEL"` after `MODEL=x`: the reference is the assignment, used here. */
  private useVariable(variable: Variable, use: { start: number; end: number }, via: string, hint?: string): void {
    if (!variable.hit) {
      const part = classifyModelValue(variable.value);
      if (!part) return;
      variable.hit = this.push(placePart(variable, variable.value.length, part), part.value, via, part.kind === "dynamic", hint);
    }
    if (variable.hit.evidence === "literal") {
      variable.hit.evidence = "model-position";
      variable.hit.via = via;
    }
    if (hint && !variable.hit.providerHint) variable.hit.providerHint = hint;
    (variable.hit.usedAt ??= []).push(use);
  }

  private push(at: { start: number; end: number }, value: string, via: string, dynamic: boolean, hint?: string): Hit {
    const hit: Hit = { ...at, value, evidence: "model-position", via };
    if (dynamic) hit.dynamic = true;
    if (hint) hit.providerHint = hint;
    this.hits.push(hit);
    return hit;
  }
}

function isModelFlag(name: string, isLong: boolean): boolean {
  const key = normalizeKey(name);
  if (!isLong) return key === "hf";
  return EXTRA_FLAGS.has(key) || modelKeyStrength(key) === "strong";
}

/**
 * The first argument after `from` that is not an option or an option's value
 * (`huggingface-cli download --local-dir out org/name`, `ollama pull --insecure llama3`).
 */
function nextPositional(argv: readonly Word[], from: number): Word | undefined {
  for (let j = from; j < argv.length; j++) {
    const word = argv[j]!.value;
    if (!word.startsWith("-")) return argv[j];
    if (!word.includes("=") && !BOOLEAN_OPTIONS.has(word)) j++;
  }
  return undefined;
}
