import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeLineHashes } from "../src/report/sarif/fingerprint.js";
import { buildSarif } from "../src/report/sarif.js";
import { makeReportContext, makeRiskyReport, SOURCES } from "./helpers/reports.js";

const VECTOR = 'import x from "y";\n\nconst m = load("gpt2");\n  const   other = 1;\n';

describe("computeLineHashes (GitHub's primaryLocationLineHash)", () => {
  it("matches the vector verified with SARIF Multitool (integration checklist §1.5)", () => {
    const hashes = computeLineHashes(VECTOR);
    expect([1, 2, 3, 4].map((line) => hashes.get(line))).toEqual([
      "76335c252d89cdba:1",
      "b38ec1152046a2d9:1",
      "fb81c207ab14f6f3:1",
      "2b956f96a8fdbb7:1",
    ]);
  });

  it("gives CRLF, CR and LF files the same hashes, and ignores spaces and tabs", () => {
    const lf = computeLineHashes(VECTOR);
    expect(computeLineHashes(VECTOR.replaceAll("\n", "\r\n"))).toEqual(lf);
    expect(computeLineHashes(VECTOR.replaceAll("\n", "\r"))).toEqual(lf);
    expect(computeLineHashes(VECTOR.replaceAll(" ", "\t\t"))).toEqual(lf);
  });

  it("numbers repeated hashes by occurrence", () => {
    // Lines hash what follows them too, so only equal 100-unit windows repeat.
    const blank = computeLineHashes("\n\n");
    expect(blank.get(1)).not.toBe(blank.get(2));
    const repeated = computeLineHashes(`${"a".repeat(120)}\n${"a".repeat(120)}\n`);
    const [first, second] = [repeated.get(1)!, repeated.get(2)!];
    expect(first.split(":")[0]).toBe(second.split(":")[0]);
    expect([first.split(":")[1], second.split(":")[1]]).toEqual(["1", "2"]);
  });

  it("handles an empty file and lone surrogates without throwing", () => {
    expect(computeLineHashes("").get(1)).toMatch(/^[0-9a-f]+:1$/);
    expect(computeLineHashes("\uD800 model\n").size).toBe(2);
  });
});

/** A direct, non-rolling BigInt version of the documented algorithm, to check the fast one against. */
function referenceLineHashes(text: string): Map<number, string> {
  const units: number[] = [];
  const starts: number[] = [];
  let atStart = true;
  const normalised = text.replace(/\r\n?/g, "\n").replace(/[ \t]/g, "");
  const codeUnits = Array.from({ length: normalised.length }, (_, i) => normalised.charCodeAt(i));
  for (const unit of [...codeUnits, 65535]) {
    if (atStart) starts.push(units.length);
    atStart = unit === 10;
    units.push(unit);
  }
  const out = new Map<number, string>();
  const seen = new Map<string, number>();
  starts.forEach((start, i) => {
    let hash = 0n;
    for (let k = 0; k < 100; k++) hash = BigInt.asUintN(64, hash * 37n + BigInt(units[start + k] ?? 0));
    const hex = hash.toString(16);
    const n = (seen.get(hex) ?? 0) + 1;
    seen.set(hex, n);
    out.set(i + 1, `${hex}:${n}`);
  });
  return out;
}

describe("computeLineHashes against a reference implementation", () => {
  it("agrees on arbitrary text, including CR, tabs, astral characters and long lines", () => {
    const chunk = fc.constantFrom("a", "Z", " ", "\t", "\n", "\r", "\r\n", "😀", "é", "\uffff", "x".repeat(120), '"gpt-4o"');
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 80 }), (parts) => {
        const text = parts.join("");
        expect(computeLineHashes(text)).toEqual(referenceLineHashes(text));
      }),
      { numRuns: 300 },
    );
  });
});

describe("SARIF fingerprints", () => {
  const fingerprintsOf = (source: Record<string, string>, shift: number) => {
    const report = makeRiskyReport();
    for (const finding of report.findings) {
      if (finding.file === "gen/image.py") {
        finding.line += shift;
        finding.endLine += shift;
      }
    }
    const log = buildSarif(report, makeReportContext({ readSource: (file) => source[file] }));
    return log.runs[0]!.results
      .filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === "gen/image.py")
      .map((r) => ({ rule: r.ruleId, line: r.locations[0].physicalLocation.region.startLine, fp: r.partialFingerprints }));
  };

  it("stay the same when lines are inserted above the finding", () => {
    const before = fingerprintsOf(SOURCES, 0);
    const shifted = { ...SOURCES, "gen/image.py": `# Image generation helpers.\nimport os\n\n${SOURCES["gen/image.py"]}` };
    const after = fingerprintsOf(shifted, 3);
    expect(before).toHaveLength(2);
    expect(after.map((r) => r.line)).toEqual(before.map((r) => r.line + 3));
    expect(after.map((r) => r.fp)).toEqual(before.map((r) => r.fp));
    expect(before[0]!.fp.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
  });

  it("change when the flagged line itself changes", () => {
    const before = fingerprintsOf(SOURCES, 0);
    const edited = { ...SOURCES, "gen/image.py": SOURCES["gen/image.py"]!.replace("float16", "bfloat16") };
    const after = fingerprintsOf(edited, 0);
    expect(after[0]!.fp.primaryLocationLineHash).not.toBe(before[0]!.fp.primaryLocationLineHash);
    expect(after[0]!.fp["modelrisk/v1"]).toBe(before[0]!.fp["modelrisk/v1"]);
  });

  it("leave primaryLocationLineHash to upload-sarif when the content is not available", () => {
    const log = buildSarif(makeRiskyReport(), makeReportContext({ readSource: () => undefined }));
    for (const result of log.runs[0]!.results) {
      expect(result.partialFingerprints).not.toHaveProperty("primaryLocationLineHash");
      expect(result.partialFingerprints["modelrisk/v1"]).toBeDefined();
    }
  });
});
