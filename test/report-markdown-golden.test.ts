import { describe, expect, it } from "vitest";
import { formatMarkdown } from "../src/report/markdown.js";
import { expectGolden, listFixtures, scanFixture } from "./helpers/golden.js";

describe.each(listFixtures())("Markdown for fixture %s", (name) => {
  it("matches its golden file", async () => {
    const { report, ctx } = await scanFixture(name);
    const text = formatMarkdown(report, ctx);
    expect(text.startsWith("## modelrisk: ")).toBe(true);
    expect(text).not.toMatch(/<[a-z]/i);
    expectGolden(`${name}.md`, text);
  });
});
