import { execFileSync } from "node:child_process";

/** CLI tests run the built `dist/`, so build it once, fresh, before any test file runs. */
export default function setup(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}
