import { describe, expect, it } from "vitest";
import { READ_ENTRIES, readPnpmLines, type PnpmDocument } from "../src/detect/npm/pnpm-lines.js";
import { readPnpmYaml } from "../src/detect/npm/pnpm-lock.js";

/** The yaml library's reading, cut to the top-level entries the line reader keeps. */
function yamlReading(text: string): PnpmDocument | { error: string } {
  const doc = readPnpmYaml(text);
  if ("error" in doc || typeof doc.data !== "object" || doc.data === null) return doc;
  const data = Object.fromEntries(Object.entries(doc.data).filter(([key]) => READ_ENTRIES.has(key)));
  return { ...doc, data };
}

/** The same text one level down, under `importers:`, where every value is kept. */
function underImporters(text: string): string {
  return "importers:\n" + text.replace(/^(?=.)/gm, "  ");
}

const V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

importers:

  .:
    dependencies:
      openai:
        specifier: ^4.0.0
        version: 4.52.0(zod@3.23.8)
      '@ai-sdk/provider':
        specifier: workspace:*
        version: link:packages/provider

packages:

  '@ai-sdk/openai@1.0.0':
    resolution: {integrity: sha512-abc+/==, tarball: https://codeload.github.com/o/r/tar.gz/x}
    engines: {node: '>=18', npm: ^9 || >=10}
    cpu: [x64, arm64]

  openai@4.52.0:
    resolution: {integrity: sha512-def==}
    hasBin: true

  zod@3.23.8: {}

snapshots:

  openai@4.52.0(zod@3.23.8):
    dependencies:
      zod: 3.23.8
    transitivePeerDependencies:
      - encoding
      - 'supports-color'
`;

const V5 = `lockfileVersion: 5.4
specifiers:
  openai: ^4.0.0
dependencies:
  openai: 4.5.0
packages:
  /openai/4.5.0:
    resolution: {integrity: sha512-abc==}
    dev: false
`;

/** Shapes the line reader must read as the yaml library does. */
const READ = [
  V9, V5, "a: b, c\n", "a: it's\n", "a,b: c\n", "a: {x: git+ssh://git@github.com:o/r.git}\n", "a: [a b, c  d]\n",
  "a: 012\nb: 0x1F\nc: 0o7\nd: 1e3\ne: .inf\nf: .NaN\ng: ~\nh: True\ni: 1.5\nj: 1_000\n", "a: 'it''s'\n'it''s': {'b''c': d}\n",
  "toString: 1\nconstructor: 2\n", "a:\n  b: 1\na:\n  c: 2\n", "packages: x\npackages:\n  a@1: {}\n", "packages: {}\n", "packages: []\n", "packages:\n",
  "a:\n\n\n  b:\n\n    c: d\n", "a:   b   \n", '"a": ""\n',
];

/** Shapes it leaves to the yaml library (comments, anchors, block scalars, odd indentation, escapes …). */
const LEFT = [
  "# comment\na: b\n", "a: b # c\n", "a: &x b\nc: *x\n", "a: !!str 1\n", "a: |\n  x\n", "a: b\n  c\n", "a:\n- x\n", "a:\n  b: 1\n c: 2\n",
  "a: {a: {b: c}}\n", "a: [a, b, ]\n", "a: b:\n", "a : b\n", 'a: "b\\n"\n', "a:\tb\n", "a: b\r\n", "a: é\n", "1: a\n", "null: x\n",
  "- a\n", "  a: b\n", "", "---\na: b\n", "__proto__: x\n", "<<: {a: b}\n", `${"k".repeat(1100)}: v\n`, "packages: {a@1: {}}\n",
];

describe("readPnpmLines", () => {
  it.each(READ)("reads %j as the yaml library does", (text) => {
    for (const variant of [text, underImporters(text)]) {
      const fast = readPnpmLines(variant);
      expect(fast).toBeDefined();
      expect(fast).toEqual(yamlReading(variant));
    }
  });

  it.each(LEFT)("leaves %j to the yaml library", (text) => {
    expect(readPnpmLines(text)).toBeUndefined();
  });

  it("agrees with the yaml library on every mutation of a lockfile it accepts", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const inserts = ["#", " #", ": ", ":", "'", "''", '"', "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!", "|", ">", "~", "1", "\n", "\n  ", "  ", " "];
    let accepted = 0;
    for (let round = 0; round < 400; round++) {
      let text = random() < 0.5 ? V9 : underImporters(V9);
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * text.length);
        const insert = random() < 0.7 ? inserts[Math.floor(random() * inserts.length)]! : "";
        text = text.slice(0, at) + insert + text.slice(insert ? at : at + 1);
      }
      const fast = readPnpmLines(text);
      if (fast === undefined) continue;
      accepted++;
      expect(yamlReading(text), JSON.stringify(text)).toEqual(fast);
    }
    expect(accepted).toBeGreaterThan(50);
  });
});
