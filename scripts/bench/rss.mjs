// Preloaded into every measured process: on exit, append its peak RSS (KiB) to the file named
// by MODELRISK_BENCH_RSS, so the harness can read it without relying on /usr/bin/time.
import { appendFileSync } from "node:fs";

const target = process.env.MODELRISK_BENCH_RSS;
if (target) process.on("exit", () => appendFileSync(target, `${process.resourceUsage().maxRSS}\n`));
