import { execFileSync } from "node:child_process";
import { makeTree } from "./tmp.js";

/** A temporary git repository with an initial commit of `files`; `git(...)` runs inside it. */
export function makeRepo(files: Record<string, string>): { root: string; git: (...args: string[]) => string } {
  const root = makeTree(files);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], {
      cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
    });
  git("init", "-q");
  if (Object.keys(files).length > 0) {
    git("add", "-A");
    git("commit", "-q", "-m", "initial");
  }
  return { root, git };
}
