// Build step: compile the built-in rules once and write dist/rules-snapshot.bin, so the CLI starts
// without parsing YAML. The loader uses the snapshot only while it matches the rules files.
import { writeFile } from "node:fs/promises";
import { compileRules } from "../dist/rules/compile.js";
import { SNAPSHOT_PATH, serializeRules } from "../dist/rules/snapshot.js";

await writeFile(SNAPSHOT_PATH, serializeRules(await compileRules()));
