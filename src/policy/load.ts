/**
 * `.modelrisk.yaml`: the project's policy. Validated with a strict schema (a misspelt key is an
 * error, not a silently ignored setting), then normalised so the rest of the code sees no optionals.
 */
import { readFile } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import type { Level, RuleId } from "../types.js";

export const POLICY_FILE = ".modelrisk.yaml";

export interface Suppression {
  rule: RuleId;
  model?: string;
  path?: string;
  reason: string;
  expires?: string;
  /** Where the entry is written, for the expired-suppression finding. */
  line: number;
  column: number;
}

export interface Policy {
  /** The policy file relative to the scan root (POSIX), undefined when there is none. */
  file?: string;
  failOn?: Level;
  licenses: { allow?: string[]; deny: string[] };
  providers: { deny: string[] };
  hosts: { deny: string[] };
  rules: Partial<Record<RuleId, Level | "off">>;
  ignore: string[];
  suppressions: Suppression[];
}

/** A policy problem the user can fix; the CLI prints the message as one line and exits 2. */
export class PolicyError extends Error {
  override name = "PolicyError";
}

export function emptyPolicy(): Policy {
  return { licenses: { deny: [] }, providers: { deny: [] }, hosts: { deny: [] }, rules: {}, ignore: [], suppressions: [] };
}

/** The policy at `configPath` (must exist) or `<root>/.modelrisk.yaml` (optional). */
export async function loadPolicy(root: string, configPath?: string): Promise<Policy> {
  const path = configPath ? resolve(configPath) : join(root, POLICY_FILE);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!configPath && (error as NodeJS.ErrnoException).code === "ENOENT") return emptyPolicy();
    throw new PolicyError(`${configPath ?? path}: cannot read the policy file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const rel = relative(root, path).split("\\").join("/");
  const { parsePolicy } = await import("./parse.js");
  return parsePolicy(text, !rel.startsWith("..") && !isAbsolute(rel) ? rel : (configPath ?? path));
}

