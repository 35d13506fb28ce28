// The baseline the scan is measured against: read every file the scan would read and run one
// combined regular expression over it. Usage: node baseline.mjs <file-list.json>
import { readFile } from "node:fs/promises";

const files = JSON.parse(await readFile(process.argv[2], "utf8"));
// What a regex-only checker looks for: API model ids, hub ids in quotes, loading calls, model keys and
// provider hosts. Every repetition is bounded, so the pass stays linear on long lines.
const pattern = /\b(?:gpt-[\w.-]{1,40}|claude-[\w.-]{1,40}|gemini-[\w.-]{1,40}|text-davinci-\d{3}|o[134]-[\w-]{1,20})|["'][\w.-]{1,64}\/[\w.-]{1,96}["']|from_pretrained|huggingface\.co\/[\w.-]{1,64}\/[\w.-]{1,96}|api\.openai\.com|\bmodel(?:_name|_id|Id|Name)?["']?\s*[:=]/g;
let hits = 0;
const queue = [...files];
async function worker() {
  for (let f = queue.pop(); f !== undefined; f = queue.pop()) {
    const text = await readFile(f, "utf8").catch(() => "");
    hits += text.match(pattern)?.length ?? 0;
  }
}
await Promise.all(Array.from({ length: 32 }, worker));
process.stdout.write(`${hits}\n`);
