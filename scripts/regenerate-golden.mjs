#!/usr/bin/env node
// Rewrites test/golden/* from the current reporters over fixtures/* (SARIF, CycloneDX, Markdown).
// Review the diff before committing: a golden file is a promise about the output.
import { spawnSync } from "node:child_process";

const files = ["test/report-sarif-golden.test.ts", "test/report-cyclonedx-golden.test.ts", "test/report-markdown-golden.test.ts"];
const result = spawnSync("npx", ["vitest", "run", ...files], {
  stdio: "inherit",
  env: { ...process.env, MODELRISK_UPDATE_GOLDEN: "1" },
  shell: process.platform === "win32",
});
process.exit(result.status ?? 1);
