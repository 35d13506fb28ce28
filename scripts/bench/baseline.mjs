// The baseline the scan is measured against: read every file the scan would read and run one
// combined regular expression over it. Usage: node baseline.mjs <file-list.json>
import { readFile } from "node:fs/promises";

const files = JSON.parse(await readFile(process.argv[2], "utf8"));
const pattern = /(?:gpt-[0-9a-z.-]+|claude-[0-9a-z.-]+|gemini-[0-9a-z.-]+|text-davinci-\d+|[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+|api\.openai\.com|from_pretrained|model\s*[:=])/g;
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
