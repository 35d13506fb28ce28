import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, parseDocument, type Node } from "yaml";
import { readJsonNodes } from "../src/detect/config/json-nodes.js";

/** What the config and npm detectors read of a tree: shapes, string values and their ranges. */
function shape(node: unknown): unknown {
  if (isMap(node)) return { map: node.items.map((p) => [shape(p.key), shape(p.value)]) };
  if (isSeq(node)) return { seq: node.items.map(shape) };
  if (isScalar(node)) return typeof node.value === "string" ? [node.value, node.type, node.range?.[0], node.range?.[1]] : "other";
  return node;
}

const JSON_TEXTS = [
  '{"model": "gpt-4o", "n": 1, "ok": true, "none": null, "list": [1, "a", {"b": -2.5e3}]}',
  '{\n\t"dependencies": {\n\t\t"openai": "^4"\n\t}\n}\n',
  '{"a": {"a": 1}, "a": "dup"}',
  '{"esc": "\\u0041\\/\\"\\\\\\n\\ud83d\\ude00", "\\u006bey": "v"}',
  '{\r\n  "crlf": "x"\r\n}\r\n',
  '{"a"\n: "b", "c":\n"d"}',
  '[\n"a",\n{"b":\n1}\n]',
  '"top"',
  "42",
  "{}",
  "[]",
  '{"k": "x\u2028y\u0085z"}',
  `{"${"k".repeat(1100)}": "long key"}`,
];

describe("readJsonNodes", () => {
  it.each(JSON_TEXTS)("builds the tree the YAML parser builds for %j", (text) => {
    expect(shape(readJsonNodes(text))).toEqual(shape(parseDocument(text, { uniqueKeys: false }).contents as Node));
  });

  it("leaves deeply nested JSON to the YAML parser", () => {
    expect(readJsonNodes("[".repeat(200) + "]".repeat(200))).toBeUndefined();
    expect(readJsonNodes("[".repeat(20) + "]".repeat(20))).toBeDefined();
  });
});
