import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../src/discover/index.js";
import { readSource } from "../src/discover/read.js";
import { walk } from "../src/discover/walk.js";
import { makeTree } from "./helpers/tmp.js";

const paths = async (root: string) => (await walk({ root })).files.map((f) => f.path);

describe("walk", () => {
  it("returns relative POSIX paths in sorted order and skips dependency and build folders", async () => {
    const root = makeTree({
      "src/b.ts": "", "src/a.ts": "", "main.py": "",
      "node_modules/openai/index.js": "", "dist/app.js": "", ".git/config": "", "vendor/x.py": "",
    });
    expect(await paths(root)).toEqual(["main.py", "src/a.ts", "src/b.ts"]);
  });

  it("honours nested .gitignore files and .modelriskignore, including negations", async () => {
    const root = makeTree({
      ".gitignore": "*.log\ngenerated/\n",
      ".modelriskignore": "experiments/\n",
      "app.log": "", "generated/models.ts": "", "experiments/old.py": "",
      "pkg/.gitignore": "*.py\n!keep.py\n",
      "pkg/drop.py": "", "pkg/keep.py": "", "pkg/index.ts": "",
      "other/drop.py": "",
    });
    expect(await paths(root)).toEqual([".gitignore", ".modelriskignore", "other/drop.py", "pkg/.gitignore", "pkg/index.ts", "pkg/keep.py"]);
  });

  it("never follows symlinks and notes the ones that leave the root", async () => {
    const outside = makeTree({ "secret.py": 'MODEL = "gpt-4o"' });
    const root = makeTree({ "src/app.py": "" });
    symlinkSync(join(outside, "secret.py"), join(root, "src/escape.py"));
    symlinkSync(outside, join(root, "outside-dir"));
    symlinkSync(join(root, "src"), join(root, "src/loop"));
    const result = await walk({ root });
    expect(result.files.map((f) => f.path)).toEqual(["src/app.py"]);
    expect(result.skipped).toEqual(expect.arrayContaining([
      { file: "outside-dir", reason: "symlink: points outside the scanned root" },
      { file: "src/escape.py", reason: "symlink: points outside the scanned root" },
    ]));
    expect(result.skipped.some((s) => s.file === "src/loop")).toBe(false);
  });

  it("skips weights and media by extension without reading them", async () => {
    const root = makeTree({ "model.safetensors": "x", "logo.png": "x", "app.py": "" });
    expect(await paths(root)).toEqual(["app.py"]);
  });

  it("walks a tree 200 folders deep", async () => {
    const deep = Array.from({ length: 200 }, (_, i) => `d${i}`).join("/");
    const root = makeTree({ [`${deep}/model.py`]: "" });
    expect(await paths(root)).toEqual([`${deep}/model.py`]);
  });
});

describe("discover", () => {
  it("reads text, notes binary content and oversized files instead of failing", async () => {
    const root = makeTree({
      "ok.py": "\uFEFFMODEL = 'gpt-4o'\n",
      "fake.js": new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]),
      "big.json": "x".repeat(5000),
    });
    const found = await discover({ root, maxFileSize: 4096 });
    const read = await Promise.all(found.candidates.map((c) => c.read()));
    expect(read).toEqual([
      { file: "big.json", reason: "larger than 4 KB (5 KB)" },
      { file: "fake.js", reason: "binary file" },
      { path: "ok.py", text: "MODEL = 'gpt-4o'\n" },
    ]);
  });

  it("notes a file that cannot be read (gone between walk and read)", async () => {
    const root = makeTree({ "gone.py": "x" });
    const found = await discover({ root });
    rmSync(join(root, "gone.py"));
    expect(await found.candidates[0]!.read()).toEqual({ file: "gone.py", reason: "unreadable file (ENOENT)" });
  });

  it("scans only the given paths, relative to the root, and refuses paths outside it", async () => {
    const root = makeTree({ "src/a.py": "", "src/b.py": "" });
    mkdirSync(join(root, "empty"));
    const found = await discover({ root, paths: [join(root, "src/b.py"), "/etc/hostname"] });
    expect(found.candidates.map((c) => c.path)).toEqual(["src/b.py"]);
    expect(found.skipped).toEqual([{ file: "/etc/hostname", reason: "outside the scanned root" }]);
  });
});

describe("size limits", () => {
  it("lets notebooks with embedded outputs past the 2 MB default, unless --max-file-size says otherwise", async () => {
    const cell = { cell_type: "code", metadata: {}, outputs: [{ output_type: "display_data", data: { "image/png": "A".repeat(3 * 1024 * 1024) } }], source: ["x = 1\n"] };
    const nb = JSON.stringify({ cells: [cell], metadata: {}, nbformat: 4, nbformat_minor: 5 });
    const root = makeTree({ "plots.ipynb": nb, "big.py": "#".repeat(3 * 1024 * 1024) });
    const byDefault = await Promise.all((await discover({ root })).candidates.map((c) => c.read()));
    expect(byDefault.map((r) => ("reason" in r ? `${r.file}: skipped` : `${r.path}: read`))).toEqual(["big.py: skipped", "plots.ipynb: read"]);
    const explicit = await Promise.all((await discover({ root, maxFileSize: 2 * 1024 * 1024 })).candidates.map((c) => c.read()));
    expect(explicit.every((r) => "reason" in r)).toBe(true);
  });
});

describe("readSource", () => {
  it("never blocks on a FIFO or a device: not a regular file", () => {
    const root = makeTree({});
    execFileSync("mkfifo", [join(root, "pipe.py")]);
    expect(readSource("pipe.py", join(root, "pipe.py"), 1024)).toEqual({ file: "pipe.py", reason: "not a regular file" });
    expect(readSource("zero", "/dev/zero", 1024)).toEqual({ file: "zero", reason: "not a regular file" });
  });

  it("reads empty, small and large files whole, one after another, without bytes of the one before", () => {
    const large = `${"y".repeat(3 * 1024 * 1024)}\n`;
    const huge = `${"z".repeat(5 * 1024 * 1024)}\n`;
    const root = makeTree({ "large.py": large, "small.py": "x = 1\n", "empty.py": "", "huge.ipynb": huge, "after.py": "ok" });
    const read = (name: string) => readSource(name, join(root, name), 20 * 1024 * 1024);
    expect(read("large.py")).toEqual({ path: "large.py", text: large });
    expect(read("small.py")).toEqual({ path: "small.py", text: "x = 1\n" });
    expect(read("empty.py")).toEqual({ path: "empty.py", text: "" });
    expect(read("huge.ipynb")).toEqual({ path: "huge.ipynb", text: huge });
    expect(read("after.py")).toEqual({ path: "after.py", text: "ok" });
  });

  it("keeps invalid UTF-8 as replacement characters and finds NUL only in the first 8 KiB", () => {
    const lateNul = new Uint8Array(9000).fill(0x61);
    lateNul[8500] = 0;
    const root = makeTree({ "bad.py": new Uint8Array([0x61, 0xff, 0x62]), "late.py": lateNul });
    expect(readSource("bad.py", join(root, "bad.py"), 1024)).toEqual({ path: "bad.py", text: "a\uFFFDb" });
    expect(readSource("late.py", join(root, "late.py"), 1 << 20)).toMatchObject({ path: "late.py" });
  });
});
