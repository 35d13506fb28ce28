import { describe, expect, it } from "vitest";
import { formatCycloneDx } from "../src/report/cyclonedx.js";
import { expectGolden, listFixtures, scanFixture } from "./helpers/golden.js";
import { createCycloneDxValidator } from "./helpers/validators.js";

const validate = createCycloneDxValidator();

describe.each(listFixtures())("CycloneDX for fixture %s", (name) => {
  it("passes the CycloneDX 1.6 schema and matches its golden file", async () => {
    const { report, ctx } = await scanFixture(name);
    const text = formatCycloneDx(report, ctx);
    const bom = JSON.parse(text);
    expect(validate(bom), validate.errorsText()).toBe(true);
    expect(bom.components.filter((c: { type: string }) => c.type === "machine-learning-model")).toHaveLength(report.models.length);
    expectGolden(`${name}.cdx.json`, text);
  });
});
