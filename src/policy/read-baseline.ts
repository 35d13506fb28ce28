/** Reading a baseline report from disk, checked by schema; loaded only with --baseline. */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { Report } from "../types.js";
import { PolicyError } from "./load.js";

const baselineSchema = z.looseObject({
  schemaVersion: z.literal(1),
  findings: z.array(z.looseObject({ rule: z.string(), file: z.string(), line: z.number(), column: z.number() })),
  models: z.array(z.looseObject({ references: z.array(z.looseObject({})) })).default([]),
  providers: z.array(z.looseObject({ references: z.array(z.looseObject({})) })).default([]),
});

/** Reads a previous `--format json` report; a file that is not one is a one-line error. */
export async function readBaseline(path: string): Promise<Report> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new PolicyError(`${path}: cannot read the baseline (${(error as Error).message.split("\n")[0]})`);
  }
  const result = baselineSchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new PolicyError(`${path}: not a modelrisk JSON report: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  return result.data as unknown as Report;
}
