// `npm run bench`: wall time and peak RSS of full scans against a read-and-regex baseline run in
// the same invocation, plus a five-file staged scan. Not a test: it prints numbers.
//   node scripts/bench.mjs [--repo PATH]... [--runs 5] [--files 4000] [--seed 42] [--json]
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./bench/corpus.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const project = resolve(here, "..");
const cli = join(project, "dist/cli/main.js");
const rssHook = join(here, "bench/rss.mjs");

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const repos = args.flatMap((a, i) => (args[i - 1] === "--repo" ? [resolve(a)] : []));
const runs = Math.max(5, Number(flag("--runs", "5")));
const seed = Number(flag("--seed", "42"));
const fileCount = Number(flag("--files", "4000"));
const asJson = args.includes("--json");
const work = mkdtempSync(join(tmpdir(), "modelrisk-bench-"));

function measure(command, argv, cwd = project) {
  const rssFile = join(work, `rss-${Math.random().toString(36).slice(2)}`);
  const start = process.hrtime.bigint();
  const child = spawnSync(command, argv, {
    cwd,
    env: { ...process.env, CI: "true", MODELRISK_BENCH_RSS: rssFile, NODE_OPTIONS: `--import=${rssHook}` },
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.status !== 0 && child.status !== 1) throw new Error(`${argv.join(" ")} failed: ${child.stderr}`);
  const rss = readFileSync(rssFile, "utf8").trim().split("\n").map(Number);
  return { ms, rssMb: Math.max(...rss) / 1024, stdout: child.stdout };
}

function repeat(fn) {
  fn(); // warm-up: file-system cache and module compile cache
  const samples = Array.from({ length: runs }, fn);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  return { medianMs: ms[Math.floor(ms.length / 2)], peakRssMb: Math.max(...samples.map((s) => s.rssMb)), last: samples.at(-1) };
}

async function filesTheScanReads(root) {
  const { discover } = await import(join(project, "dist/discover/index.js"));
  const { loadDetectors } = await import(join(project, "dist/detect/index.js"));
  const detectors = await loadDetectors();
  const found = await discover({ root });
  return found.candidates
    .filter((c) => detectors.some((d) => d.accepts(c.path)))
    .map((c) => join(root, c.path))
    .filter((f) => statSync(f).size <= 2 * 1024 * 1024);
}

async function benchTree(name, root) {
  const list = await filesTheScanReads(root);
  const listFile = join(work, `${name.replace(/\W/g, "_")}.files.json`);
  writeFileSync(listFile, JSON.stringify(list));
  const bytes = list.reduce((n, f) => n + statSync(f).size, 0);
  const out = join(work, "report.json");
  const scan = repeat(() => measure(process.execPath, [cli, "scan", root, "--format", "json", "--quiet", "--as-of", "2026-11-28", "--output", out]));
  const report = JSON.parse(readFileSync(out, "utf8"));
  const baseline = repeat(() => measure(process.execPath, [join(here, "bench/baseline.mjs"), listFile]));
  return {
    name, files: list.length, mb: bytes / 1e6,
    scanMs: scan.medianMs, scanRssMb: scan.peakRssMb, references: report.summary.references,
    baselineMs: baseline.medianMs, ratio: scan.medianMs / baseline.medianMs,
  };
}

const corpusRoot = join(project, ".bench", `corpus-${seed}-${fileCount}`);
const meta = generateCorpus(corpusRoot, { seed, files: fileCount });
const trees = [await benchTree(`synthetic (seed ${seed})`, corpusRoot)];
for (const repo of repos) trees.push(await benchTree(repo, repo));
function benchStaged() {
  const repo = join(work, "staged-repo");
  mkdirSync(join(repo, "src"), { recursive: true });
  const git = (...a) => execFileSync("git", a, { cwd: repo, stdio: "pipe" });
  git("init", "-q");
  writeFileSync(join(repo, "src/chat.ts"), `import OpenAI from "openai";\nconst client = new OpenAI();\nexport const ask = (q: string) => client.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: q }] });\n`);
  writeFileSync(join(repo, "src/legacy.py"), `import openai\n\nresp = openai.Completion.create(model="text-davinci-003", prompt="hi")\n`);
  writeFileSync(join(repo, "config.yaml"), `llm:\n  model: claude-3-5-sonnet-20240620\n`);
  writeFileSync(join(repo, "README.md"), "# demo\n");
  writeFileSync(join(repo, "src/util.js"), "export const add = (a, b) => a + b;\n");
  git("add", ".");
  const startup = repeat(() => measure(process.execPath, [cli, "--version"], repo));
  const run = repeat(() => measure(process.execPath, [cli, "scan", "--staged", "--quiet", "--as-of", "2026-11-28"], repo));
  return { startupMs: startup.medianMs, startupRssMb: startup.peakRssMb, medianMs: run.medianMs, peakRssMb: run.peakRssMb };
}

const staged = benchStaged();
rmSync(work, { recursive: true, force: true });
const result = { node: process.version, runs, corpus: meta, trees, staged };
if (asJson) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
else {
  const pad = (s, n) => String(s).padEnd(n);
  const num = (v, d = 0) => v.toFixed(d).padStart(9);
  console.log(`modelrisk bench — node ${process.version}, median of ${runs} fresh processes after a warm-up`);
  console.log(`${pad("tree", 44)}${"files".padStart(7)}${"MB".padStart(8)}${"scan ms".padStart(9)}${"base ms".padStart(9)}${"ratio".padStart(9)}${"RSS MB".padStart(9)}${"refs".padStart(7)}`);
  for (const t of trees) {
    console.log(`${pad(t.name.slice(-43), 44)}${String(t.files).padStart(7)}${t.mb.toFixed(1).padStart(8)}${num(t.scanMs)}${num(t.baselineMs)}${num(t.ratio, 2)}${num(t.scanRssMb)}${String(t.references).padStart(7)}`);
  }
  console.log(`synthetic corpus: ${meta.expectedModelReferences} model references planted`);
  console.log(`start-up (--version): ${staged.startupMs.toFixed(0)} ms median, ${staged.startupRssMb.toFixed(0)} MB peak RSS`);
  console.log(`staged scan of 5 files: ${staged.medianMs.toFixed(0)} ms median, ${staged.peakRssMb.toFixed(0)} MB peak RSS`);
}
