import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

const FIXTURES = readdirSync("fixtures", { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== "hostile")
  .map((d) => d.name)
  .sort();

describe("detection does not depend on the number of threads", () => {
  it.each(FIXTURES)("%s: one thread and two give the same report", (name) => {
    const scan = (workers: string) =>
      runCli(["scan", `fixtures/${name}`, "--format", "json", "--as-of", "2026-11-28", "--workers", workers]);
    const one = scan("1");
    const two = scan("2");
    expect(one.status).toBe(0);
    expect(two.stderr).toBe("");
    expect(two.stdout).toBe(one.stdout);
  });
});
