#!/usr/bin/env node
/**
 * Builds the hostile corpus: the committed files of fixtures/hostile/ plus the cases that cannot or
 * should not be committed (huge files, symlinks, FIFOs, odd file names, exact CR/CRLF/BOM bytes).
 * Usage: node scripts/make-hostile.mjs <dest> [--no-large]   (dest must not exist yet or be empty)
 * Library: makeHostile(dest, { large, outside }) → { root, outside, expected } for the tests.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
export const COMMITTED = resolve(HERE, "../fixtures/hostile");
/** A model id that only exists outside the root: seeing it in a report means the scan left the root. */
export const OUTSIDE_MARKER = "OUTSIDE-THE-ROOT-secret-model";

function put(root, rel, content) {
  const path = join(root, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** Line-ending and encoding cases: the same Python source with a known id, whose position tests know. */
function writeEncodings(root) {
  const lines = ["from transformers import AutoModel", "", "m = AutoModel.from_pretrained(\"google-bert/bert-base-uncased\")", ""];
  put(root, "endings/crlf.py", lines.join("\r\n"));
  put(root, "endings/cr.py", lines.join("\r"));
  put(root, "endings/mixed.py", `${lines[0]}\r\n\r${lines[2]}\n`);
  put(root, "endings/bom.py", `\uFEFF${lines.join("\n")}`);
  put(root, "endings/bom-crlf.yaml", "\uFEFFname: demo\r\nmodel: mistralai/Mistral-7B-Instruct-v0.3\r\n");
  put(root, "endings/cr.yaml", "name: demo\rbase_model: Qwen/Qwen2.5-7B-Instruct\r");
  put(root, "endings/astral.ts", "const tag = \"😀😀\"; const r = await client.chat.completions.create({ model: \"gpt-4o\" });\r\n");
  // Invalid UTF-8 before the id: the decoder turns each bad byte into one U+FFFD, one UTF-16 unit.
  put(root, "endings/bad-utf8.py", Buffer.concat([
    Buffer.from("# \xff\xfe\xc3\x28 bad bytes\n", "latin1"),
    Buffer.from("m = AutoModel.from_pretrained(\"google-bert/bert-base-uncased\")\n"),
  ]));
  // A NUL inside a name-like string, past the 8 KiB binary sniff so the file is still read.
  put(root, "endings/nul-late.py", `${"# padding line\n".repeat(700)}m = AutoModel.from_pretrained("org/na\0me")\nn = AutoModel.from_pretrained("gpt2")\n`);
}

function writeBinaryAndParsers(root) {
  const noise = Buffer.alloc(4096);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
  for (const name of ["binary/weights.py", "binary/blob.ts", "binary/data.json", "binary/nb.ipynb", "binary/package-lock.json"]) {
    put(root, name, noise);
  }
  put(root, "binary/high-bytes.py", Buffer.from(noise.filter((b) => b !== 0)));
  const deep = 100_000;
  put(root, "deep/deep.json", `${"[".repeat(deep)}"gpt-4o"${"]".repeat(deep)}`);
  put(root, "deep/deep-object.json", `${"{\"model\":".repeat(deep)}"gpt-4o"${"}".repeat(deep)}`);
  put(root, "deep/deep.yaml", `model: ${"[".repeat(deep)}${"]".repeat(deep)}\n`);
  put(root, "deep/deep.ipynb", `{"cells":[{"cell_type":"code","source":"x = ${"(".repeat(20_000)}1${")".repeat(20_000)}"}]}`);
  put(root, "deep/deep.py", `x = ${"(".repeat(50_000)}1${")".repeat(50_000)}\n`);
  put(root, "deep/deep.ts", `const x = ${"[".repeat(50_000)}"gpt-4o"${"]".repeat(50_000)};\n`);
  put(root, "deep/deep.toml", `model = ${"[".repeat(50_000)}${"]".repeat(50_000)}\n`);
  // Billion laughs: nine levels of nine aliases; expanding it would need 9^9 nodes.
  const bomb = ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"];
  for (let level = 1; level < 9; level++) {
    const prev = String.fromCharCode(96 + level);
    const name = String.fromCharCode(97 + level);
    bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
  }
  bomb.push("model: *i", "base_model: *i");
  put(root, "bomb/bomb.yaml", `${bomb.join("\n")}\n`);
  put(root, "bomb/bomb.json", `{"model": ${"[".repeat(5000)}${"]".repeat(5000)}}`);
  put(root, "bomb/many-keys.yaml", Array.from({ length: 5_000 }, (_, i) => `k${i}_model: org/m${i}`).join("\n"));
}

function writeLarge(root) {
  // A 20 MB single-line minified bundle: over any sane size limit, and one line to any line-based tool.
  const chunk = "var a=function(e,t){return e.model||t.chat.completions.create({model:\"gpt-4o\",messages:[]})};";
  put(root, "large/bundle.min.js", chunk.repeat(Math.ceil(20 * 1024 * 1024 / chunk.length)));
  // Just under the 2 MB default: it is read, so detectors must cope with one 1.9 MB line.
  put(root, "large/near-limit.min.js", chunk.repeat(Math.floor(1.9 * 1024 * 1024 / chunk.length)));
  put(root, "large/near-limit.json", `[${Array.from({ length: 60_000 }, (_, i) => `{"id":${i},"name":"item-${i}"}`).join(",")}]`);
}

function writeTreeOddities(root, outside) {
  let deepDir = "tree";
  for (let i = 0; i < 200; i++) deepDir += "/d";
  put(root, `${deepDir}/model.py`, "m = AutoModel.from_pretrained(\"gpt2\")\n");
  mkdirSync(join(root, "links"), { recursive: true });
  symlinkSync("loop-b", join(root, "links/loop-a"));
  symlinkSync("loop-a", join(root, "links/loop-b"));
  symlinkSync(".", join(root, "links/self"));
  symlinkSync("..", join(root, "links/parent"));
  symlinkSync(join(outside, "outside.yaml"), join(root, "links/outside.yaml"));
  symlinkSync(outside, join(root, "links/outside-dir"));
  symlinkSync("/dev/zero", join(root, "links/zero.py"));
  symlinkSync("does-not-exist.py", join(root, "links/dangling.py"));
  put(root, "unreadable/secret.yaml", "model: gpt-4o\n");
  chmodSync(join(root, "unreadable/secret.yaml"), 0o000);
  mkdirSync(join(root, "unreadable/locked-dir"));
  put(root, "unreadable/locked-dir/inner.yaml", "model: gpt-4o\n");
  chmodSync(join(root, "unreadable/locked-dir"), 0o000);
  // A FIFO reads forever; a scanner that opens it hangs. `-r pipe.txt` tries the include path too.
  mkdirSync(join(root, "special"), { recursive: true });
  try {
    execFileSync("mkfifo", [join(root, "special/pipe.py"), join(root, "special/pipe.txt")], { stdio: "ignore" });
    put(root, "special/requirements.txt", "-r pipe.txt\nopenai\n");
  } catch { /* no mkfifo: the case is left out */ }
  // Names that trip path handling: newline, backslash, leading dash, gitignore metacharacters, escapes.
  for (const name of ["new\nline.py", "back\\slash.py", "-rf.py", "#hash.py", "!bang.py", "sp ace.py", "star*.py", "ünï©ødé.py", "esc\u001b[31m.py", "md|`[x](y)`.py"]) {
    put(root, `names/${name}`, "m = AutoModel.from_pretrained(\"gpt2\")\n");
  }
  // Malformed and metacharacter-only ignore patterns: the walk must neither throw nor drop the folder.
  put(root, "ignores/.gitignore", "[\n\\\n!\n[z-a]\n!!\n#\n\u0000\n");
  put(root, "ignores/kept.py", "m = AutoModel.from_pretrained(\"gpt2\")\n");
}

/**
 * Writes the corpus into `dest` (created if missing) and the outside-the-root target into `outside`
 * (a fresh temp folder by default). `large: false` leaves out the 20 MB bundle for quick runs.
 */
export function makeHostile(dest, options = {}) {
  const root = resolve(dest);
  const outside = options.outside ?? mkdtempSync(join(tmpdir(), "modelrisk-outside-"));
  mkdirSync(root, { recursive: true });
  put(outside, "outside.yaml", `model: ${OUTSIDE_MARKER}\n`);
  put(outside, "secret.py", `m = AutoModel.from_pretrained("${OUTSIDE_MARKER}")\n`);
  cpSync(COMMITTED, root, { recursive: true });
  writeEncodings(root);
  writeBinaryAndParsers(root);
  if (options.large !== false) writeLarge(root);
  writeTreeOddities(root, outside);
  return { root, outside };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dest = process.argv[2];
  if (!dest) {
    process.stderr.write("usage: node scripts/make-hostile.mjs <dest> [--no-large]\n");
    process.exit(2);
  }
  const { root, outside } = makeHostile(dest, { large: !process.argv.includes("--no-large") });
  process.stdout.write(`hostile corpus in ${root} (outside target ${outside})\n`);
}
