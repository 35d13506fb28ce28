import { afterEach, describe, expect, test, vi } from "vitest";
import { runExplain } from "../src/cli/explain-command.js";

describe("runExplain on a fixture", () => {
  afterEach(() => vi.restoreAllMocks());
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((s) => (out.push(String(s)), true));
    vi.spyOn(process.stderr, "write").mockImplementation((s) => (err.push(String(s)), true));
    return { out, err };
  };

  test("explains runwayml/stable-diffusion-v1-5 in hf-diffusers-app with its sources", async () => {
    const { out } = capture();
    const code = await runExplain("runwayml/stable-diffusion-v1-5", { root: "fixtures/hf-diffusers-app", asOf: "2026-11-28" });
    const text = out.join("");
    expect(code).toBe(0);
    expect(text).toMatch(/^runwayml\/stable-diffusion-v1-5 {2}score \d+\/100 \(critical\)/);
    expect(text).toContain("takedown: deletion on huggingface.co");
    expect(text).toContain("source: https://github.com/huggingface/diffusers/issues/9421");
    expect(text).toContain("app/pipelines.py:4:");
  });

  test("an unknown target exits 2 with one line", async () => {
    const { out, err } = capture();
    const code = await runExplain("no-such-model", { root: "fixtures/hf-diffusers-app", asOf: "2026-11-28" });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join("")).toMatch(/^modelrisk: 'no-such-model' is neither a model found in .* nor a file:line with a reference\n$/);
  });
});
