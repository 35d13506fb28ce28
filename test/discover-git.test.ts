import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../src/discover/index.js";
import { NotARepositoryError } from "../src/discover/git.js";
import type { SourceFile } from "../src/types.js";
import { makeRepo } from "./helpers/git.js";
import { makeTree } from "./helpers/tmp.js";

async function staged(root: string): Promise<SourceFile[]> {
  const found = await discover({ root, staged: true });
  return (await Promise.all(found.candidates.map((c) => c.read()))) as SourceFile[];
}

describe("staged discovery", () => {
  it("reads the staged half of a partially staged file, not the working tree", async () => {
    const { root, git } = makeRepo({ "app.py": "MODEL = 'gpt-4o'\n" });
    writeFileSync(join(root, "app.py"), "MODEL = 'text-davinci-003'\n");
    git("add", "app.py");
    writeFileSync(join(root, "app.py"), "MODEL = 'gpt-4o-mini'\n");
    expect(await staged(root)).toEqual([{ path: "app.py", text: "MODEL = 'text-davinci-003'\n" }]);
  });

  it("and the reverse: a risky edit left unstaged is not judged", async () => {
    const { root, git } = makeRepo({ "app.py": "MODEL = 'gpt-4o'\n" });
    writeFileSync(join(root, "app.py"), "MODEL = 'gpt-4o-mini'\n");
    git("add", "app.py");
    writeFileSync(join(root, "app.py"), "MODEL = 'text-davinci-003'\n");
    expect(await staged(root)).toEqual([{ path: "app.py", text: "MODEL = 'gpt-4o-mini'\n" }]);
  });

  it("takes renamed files under their new name and leaves deleted files out", async () => {
    const { root, git } = makeRepo({ "old.py": "MODEL = 'claude-2.1'\n", "gone.py": "x = 1\n" });
    git("mv", "old.py", "new.py");
    git("rm", "-q", "gone.py");
    expect((await staged(root)).map((f) => f.path)).toEqual(["new.py"]);
  });

  it("keeps spaces and non-ASCII in names, relative to the repository root, from a sub-folder", async () => {
    const { root, git } = makeRepo({ "README.md": "" });
    writeFileSync(join(root, "modèle config.yaml"), "model: gpt-4o\n");
    git("add", ".");
    const found = await discover({ root: join(root, "."), staged: true });
    expect(found.candidates.map((c) => c.path)).toEqual(["modèle config.yaml"]);
    expect(found.base).toBe(root);
  });

  it("skips unmerged paths during a merge conflict", async () => {
    const { root, git } = makeRepo({ "app.py": "MODEL = 'gpt-4o'\n" });
    git("checkout", "-q", "-b", "other");
    writeFileSync(join(root, "app.py"), "MODEL = 'claude-2.1'\n");
    git("commit", "-q", "-am", "other");
    git("checkout", "-q", "main");
    writeFileSync(join(root, "app.py"), "MODEL = 'gpt-4o-mini'\n");
    writeFileSync(join(root, "clean.py"), "MODEL = 'gpt-4o'\n");
    git("add", ".");
    git("commit", "-q", "-m", "main");
    expect(() => git("merge", "other")).toThrow();
    writeFileSync(join(root, "added.py"), "x = 1\n");
    git("add", "added.py");
    expect((await staged(root)).map((f) => f.path)).toEqual(["added.py"]);
  });

  it("fails clearly outside a git repository", async () => {
    const root = makeTree({ "a.py": "" });
    rmSync(join(root, ".git"), { recursive: true, force: true });
    await expect(discover({ root, staged: true })).rejects.toBeInstanceOf(NotARepositoryError);
  });
});

describe("changed-lines discovery", () => {
  it("lists files changed since a revision with their added line ranges", async () => {
    const { root, git } = makeRepo({ "a.py": "one\ntwo\nthree\n", "b.py": "x\n" });
    writeFileSync(join(root, "a.py"), "one\nTWO\nthree\nfour\n");
    writeFileSync(join(root, "c d.py"), "new\n");
    git("add", "-A");
    const found = await discover({ root, changed: "HEAD" });
    expect(found.candidates.map((c) => c.path)).toEqual(["a.py", "c d.py"]);
    expect(Object.fromEntries(found.lines!)).toEqual({ "a.py": [[2, 2], [4, 4]], "c d.py": [[1, 1]] });
  });
});
