import { describe, expect, it } from "vitest";
import { formatSarif } from "../src/report/sarif.js";
import { expectGolden, listFixtures, scanFixture } from "./helpers/golden.js";
import { createSarifValidator } from "./helpers/validators.js";

const validate = createSarifValidator();

describe.each(listFixtures())("SARIF for fixture %s", (name) => {
  it("passes the OASIS schema, GitHub's rules and matches its golden file", async () => {
    const { report, ctx } = await scanFixture(name);
    const text = formatSarif(report, ctx);
    const log = JSON.parse(text);
    expect(validate(log), validate.errorsText()).toBe(true);
    const run = log.runs[0];
    expect(log.runs).toHaveLength(1);
    expect(run.results).toBeInstanceOf(Array);
    expect(run.tool.driver.rules.length).toBe(ctx.findingRules.length);
    for (const rule of run.tool.driver.rules) {
      expect(rule.fullDescription.text && rule.help.text && rule.help.markdown && rule.shortDescription.text).toBeTruthy();
      expect(Number(rule.properties["security-severity"])).toBeGreaterThan(0);
    }
    for (const result of run.results) {
      expect(result.locations).toHaveLength(1);
      expect(result.locations[0].physicalLocation.artifactLocation.uri.startsWith(`fixtures/${name}/`)).toBe(true);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    expectGolden(`${name}.sarif`, text);
  });
});
