// Preloaded into a CLI process by test/scale.test.ts: on exit, write how many bytes the process
// read (Linux /proc/self/io `rchar`, every read(2) counted) to the file MODELRISK_TEST_IO names.
import { readFileSync, writeFileSync } from "node:fs";

const target = process.env.MODELRISK_TEST_IO;
if (target) {
  process.on("exit", () => {
    const rchar = /^rchar: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"))?.[1];
    writeFileSync(target, rchar ?? "");
  });
}
