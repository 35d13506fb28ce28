/**
 * Scale sanity (issue 9): a tree of mostly non-code files is walked without reading every byte.
 * Binary files are judged by their first 8 KiB and oversized ones by their size alone; the bytes the
 * scanning process read are counted by the kernel (Linux only).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CLI } from "./helpers/cli.js";
import { makeTree } from "./helpers/tmp.js";

const COUNTER = fileURLToPath(new URL("./helpers/io-counter.mjs", import.meta.url));
const MB = 1024 * 1024;

/** A checkpoint shard: a NUL in its first bytes, as in every real binary format. */
function blob(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed) & 0xff;
  bytes[3] = 0;
  return bytes;
}

describe.skipIf(!existsSync("/proc/self/io"))("a tree of mostly data", () => {
  it("is scanned reading a small share of its bytes, every skip noted", () => {
    const files: Record<string, string | Uint8Array> = {
      "config.yaml": "llm:\n  model: gpt-4o-mini\n",
    };
    // 48 MB of binary shards under names no extension list knows, 12 MB of oversized data.
    for (let i = 0; i < 48; i++) files[`weights/shard-${String(i).padStart(2, "0")}.part`] = blob(MB, i);
    for (let i = 0; i < 4; i++) files[`data/export-${i}.jsonl`] = "{}\n".repeat(MB);
    const root = makeTree(files);
    const io = join(root, "io.txt");
    const result = spawnSync(process.execPath, ["--import", COUNTER, CLI, "scan", root, "--format", "json", "--as-of", "2026-11-28", "-o", join(root, "report.json")], {
      env: { ...process.env, CI: "true", MODELRISK_TEST_IO: io },
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const report = JSON.parse(readFileSync(join(root, "report.json"), "utf8")) as { models: { id: string }[]; skipped: { file: string; reason: string }[] };
    expect(report.models.map((m) => m.id)).toEqual(["gpt-4o-mini"]);
    const reasons = new Map(report.skipped.map((s) => [s.file, s.reason]));
    expect(reasons.get("weights/shard-00.part")).toBe("binary file");
    expect(reasons.get("data/export-0.jsonl")).toMatch(/^larger than 2\.0 MB/);
    // 60 MB of data in the tree; the process itself (its modules, the rules) reads a few MB.
    const read = Number(readFileSync(io, "utf8"));
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(12 * MB);
  });
});
