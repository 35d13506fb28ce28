import { describe, expect, it } from "vitest";
import { compileRules } from "../src/rules/compile.js";
import { deserializeRules, serializeRules } from "../src/rules/snapshot.js";

describe("rules snapshot", () => {
  it("round-trips the compiled built-in rules, patterns and maps included", async () => {
    const compiled = await compileRules();
    const back = deserializeRules(serializeRules(compiled));
    expect(back).toEqual(compiled);
    const pattern = back.models.find((m) => m.pattern)!.pattern!;
    expect(pattern).toBeInstanceOf(RegExp);
    expect(back.licenses).toBeInstanceOf(Map);
    expect(back.version).toBe(compiled.version);
  });
});

describe("readSnapshot", () => {
  it("uses a snapshot only while its version matches the rules files", async () => {
    const { readSnapshot, SNAPSHOT_PATH } = await import("../src/rules/snapshot.js");
    const { writeFile, rm } = await import("node:fs/promises");
    const compiled = await compileRules();
    try {
      await writeFile(SNAPSHOT_PATH, serializeRules(compiled));
      expect((await readSnapshot())?.version).toBe(compiled.version);
      await writeFile(SNAPSHOT_PATH, serializeRules({ ...compiled, version: "000000000000" }));
      expect(await readSnapshot()).toBeUndefined();
    } finally {
      await rm(SNAPSHOT_PATH, { force: true });
    }
  });
});
