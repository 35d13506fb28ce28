import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pythonDepsDetector } from "../src/detect/python-deps.js";
import type { SourceFile } from "../src/types.js";
import { detectDependencies, type DependencyRow } from "./helpers/dependencies.js";

const PROVIDERS = {
  "pypi:openai": "openai",
  "pypi:anthropic": "anthropic",
  "pypi:google-generativeai": "google",
  "pypi:sentence-transformers": "huggingface",
  "pypi:huggingface-hub": "huggingface",
  "pypi:mistralai": "mistral",
  "pypi:dashscope": "alibaba",
};

type Row = DependencyRow;

async function detect(files: SourceFile[], root?: string) {
  const { rows, skipped, mentions } = await detectDependencies(pythonDepsDetector, PROVIDERS, files, root);
  for (const m of mentions) {
    const line = files.find((f) => f.path === m.file)?.text.split("\n")[m.line - 1];
    if (line !== undefined) expect(line.slice(m.column - 1, m.endColumn - 1)).toBe(m.text);
  }
  return { rows, skipped };
}

const row = (file: string, line: number, column: number, value: string, name: string, version: string | undefined, direct = true): Row =>
  ({ file, line, column, value, name, version, direct });

const valid: { name: string; files: SourceFile[] }[] = [
  { name: "requirements with no AI package", files: [{ path: "requirements.txt", text: "flask==3.0.3\nrequests>=2.31\n" }] },
  { name: "an AI name only in a comment", files: [{ path: "requirements.txt", text: "# openai is called through httpx\nhttpx==0.27.0\n" }] },
  { name: "a package whose name starts like an AI one", files: [{ path: "requirements.txt", text: "openai-whisper-helpers==0.1\nanthropic_tools_x>=1\n" }] },
  { name: "pyproject without dependencies", files: [{ path: "pyproject.toml", text: '[project]\nname = "openai-demo"\nversion = "0.1.0"\n' }] },
  { name: "Pipfile with non-AI packages", files: [{ path: "Pipfile", text: '[packages]\ndjango = "*"\n\n[dev-packages]\npytest = "*"\n' }] },
  { name: "poetry.lock with no AI package", files: [{ path: "poetry.lock", text: '[[package]]\nname = "click"\nversion = "8.1.7"\n' }] },
];

const invalid: { name: string; files: SourceFile[]; expected: Row[] }[] = [
  {
    name: "requirements.txt pin",
    files: [{ path: "requirements.txt", text: "flask==3.0.3\nopenai==1.55.0\n" }],
    expected: [row("requirements.txt", 2, 1, "openai", "openai", "1.55.0")],
  },
  {
    name: "extras, markers and a range, PEP 503 normalised name",
    files: [{ path: "requirements-dev.txt", text: "Sentence_Transformers[onnx] >=3.0 ; python_version >= '3.9'\n" }],
    expected: [row("requirements-dev.txt", 1, 1, "huggingface", "sentence-transformers", ">=3.0")],
  },
  {
    name: "line continuation and hashes",
    files: [{ path: "requirements.txt", text: "anthropic==0.40.0 \\\n    --hash=sha256:abc\nmistralai==1.2.3\n" }],
    expected: [row("requirements.txt", 1, 1, "anthropic", "anthropic", "0.40.0"), row("requirements.txt", 3, 1, "mistral", "mistralai", "1.2.3")],
  },
  {
    name: "VCS URL named by its egg",
    files: [{ path: "requirements/base.txt", text: "git+https://github.com/openai/openai-python@v1.55.0#egg=openai\n" }],
    expected: [row("requirements/base.txt", 1, 57, "openai", "openai", undefined)],
  },
  {
    name: "PEP 621 dependencies and optional-dependencies",
    files: [{
      path: "pyproject.toml",
      text: '[project]\nname = "svc"\ndependencies = [\n  "fastapi>=0.115",\n  "openai>=1.40,<2",\n]\n\n[project.optional-dependencies]\ngemini = ["google-generativeai==0.8.3"]\n',
    }],
    expected: [row("pyproject.toml", 5, 4, "openai", "openai", ">=1.40,<2"), row("pyproject.toml", 9, 12, "google", "google-generativeai", "0.8.3")],
  },
  {
    name: "Poetry dependencies and groups, key at line start",
    files: [{
      path: "pyproject.toml",
      text: '[tool.poetry]\nname = "anthropic-bot"\n\n[tool.poetry.dependencies]\npython = "^3.11"\nanthropic = "^0.40.0"\n\n[tool.poetry.group.eval.dependencies]\ndashscope = { version = "1.20.14", optional = true }\n',
    }],
    expected: [row("pyproject.toml", 6, 1, "anthropic", "anthropic", "^0.40.0"), row("pyproject.toml", 9, 1, "alibaba", "dashscope", "1.20.14")],
  },
  {
    name: "Pipfile packages and dev-packages",
    files: [{ path: "Pipfile", text: '[packages]\nopenai = "==1.55.0"\n\n[dev-packages]\nhuggingface_hub = "*"\n' }],
    expected: [row("Pipfile", 2, 1, "openai", "openai", "1.55.0"), row("Pipfile", 5, 1, "huggingface", "huggingface-hub", undefined)],
  },
  {
    name: "poetry.lock alone: entries are transitive",
    files: [{ path: "poetry.lock", text: '[[package]]\nname = "httpx"\nversion = "0.27.2"\n\n[[package]]\nname = "openai"\nversion = "1.55.0"\n' }],
    expected: [row("poetry.lock", 6, 9, "openai", "openai", "1.55.0", false)],
  },
  {
    name: "manifest + lock: version from the lock, no second mention for the declared package",
    files: [
      { path: "pyproject.toml", text: '[project]\nname = "svc"\ndependencies = ["anthropic>=0.40"]\n' },
      { path: "uv.lock", text: 'version = 1\n\n[[package]]\nname = "anthropic"\nversion = "0.40.0"\n\n[[package]]\nname = "huggingface-hub"\nversion = "0.26.3"\n\n[[package]]\nname = "svc"\nversion = "0.1.0"\nsource = { editable = "." }\ndependencies = [{ name = "anthropic" }]\n' },
    ],
    expected: [row("pyproject.toml", 3, 18, "anthropic", "anthropic", "0.40.0"), row("uv.lock", 8, 9, "huggingface", "huggingface-hub", "0.26.3", false)],
  },
  {
    name: "uv.lock alone: the project's own dependencies are direct",
    files: [{ path: "uv.lock", text: 'version = 1\n\n[[package]]\nname = "openai"\nversion = "1.55.0"\n\n[[package]]\nname = "svc"\nversion = "0.1.0"\nsource = { virtual = "." }\ndependencies = [{ name = "openai" }]\n' }],
    expected: [row("uv.lock", 4, 9, "openai", "openai", "1.55.0", true)],
  },
  {
    name: "pip-compile '# via' tells declared pins from transitive ones",
    files: [{ path: "requirements.txt", text: "anthropic==0.40.0\n    # via -r requirements.in\nhuggingface-hub==0.26.3\n    # via\n    #   tokenizers\n    #   transformers\n" }],
    expected: [row("requirements.txt", 1, 1, "anthropic", "anthropic", "0.40.0"), row("requirements.txt", 3, 1, "huggingface", "huggingface-hub", "0.26.3", false)],
  },
];

const malformed: { name: string; files: SourceFile[]; skipped: RegExp }[] = [
  { name: "pyproject that is not TOML", files: [{ path: "pyproject.toml", text: '[project\nname = "x"\n' }], skipped: /not valid TOML/ },
  { name: "dependencies of the wrong type", files: [{ path: "pyproject.toml", text: '[project]\ndependencies = "openai"\n' }], skipped: /project.dependencies is not an array/ },
  { name: "truncated uv.lock", files: [{ path: "uv.lock", text: 'version = 1\n[[package]]\nname = "openai' }], skipped: /not valid TOML/ },
  { name: "poetry.lock package is not a table list", files: [{ path: "poetry.lock", text: 'package = "openai"\n' }], skipped: /not an array/ },
  { name: "an include that leaves the root", files: [{ path: "requirements.txt", text: "-r ../../etc/requirements.txt\n" }], skipped: /outside the scanned root/ },
];

describe("python-deps detector", () => {
  it("accepts Python manifests and lockfiles only", () => {
    for (const p of ["requirements.txt", "svc/requirements-dev.txt", "requirements/prod.txt", "requirements.in", "pyproject.toml", "Pipfile", "poetry.lock", "a/uv.lock"]) {
      expect(pythonDepsDetector.accepts(p)).toBe(true);
    }
    for (const p of ["Pipfile.lock", "setup.py", "docs/requirements.md", "src/requirements.py", "cargo.lock"]) expect(pythonDepsDetector.accepts(p)).toBe(false);
  });

  it.each(valid)("valid: $name", async ({ files }) => {
    const { rows, skipped } = await detect(files);
    expect(rows).toEqual([]);
    expect(skipped).toEqual([]);
  });

  it.each(invalid)("invalid: $name", async ({ files, expected }) => {
    const { rows, skipped } = await detect(files);
    expect(rows).toEqual(expected);
    expect(skipped).toEqual([]);
  });

  it.each(malformed)("malformed: $name", async ({ files, skipped }) => {
    const result = await detect(files);
    expect(result.rows).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([expect.stringMatching(skipped)]);
  });

  it("follows -r includes on disk inside the root, once each", async () => {
    const root = await mkdtemp(join(tmpdir(), "modelrisk-py-"));
    try {
      await mkdir(join(root, "deps"));
      await writeFile(join(root, "deps", "common.in"), "-r ../requirements.txt\nopenai==1.55.0\n");
      const files = [{ path: "requirements.txt", text: "-r deps/common.in\nanthropic==0.40.0\n" }];
      const { rows, skipped } = await detect(files, root);
      expect(skipped).toEqual([]);
      expect(rows).toEqual([row("deps/common.in", 2, 1, "openai", "openai", "1.55.0"), row("requirements.txt", 2, 1, "anthropic", "anthropic", "0.40.0")]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
