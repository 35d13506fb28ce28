/**
 * `.modelrisk.yaml`: the project's policy. Validated with a strict schema (a misspelt key is an
 * error, not a silently ignored setting), then normalised so the rest of the code sees no optionals.
 */
import { lstat, readFile, realpath, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
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
  /** Set when a default policy file was found but not read (symlink out of the root, FIFO…). */
  skipped?: { file: string; reason: string };
  /** The policy file relative to the scan root (POSIX), undefined when there is none. */
  file?: string;
  failOn?: Level;
  licenses: { allow?: string[]; deny: string[] };
  providers: { deny: string[] };
  hosts: { deny: string[] };
  rules: Partial<Record<RuleId, Level | "off">>;
  ignore: string[];
  /** Rules folders the policy adds (`overlays:`), absolute, inside the scanned root. */
  overlays: string[];
  suppressions: Suppression[];
}

/** A policy problem the user can fix; the CLI prints the message as one line and exits 2. */
export class PolicyError extends Error {
  override name = "PolicyError";
}

async function refuseDefault(root: string, path: string): Promise<string | undefined> {
  const info = await lstat(path).catch(() => undefined);
  if (!info) return undefined;
  if (info.isSymbolicLink()) {
    const [target, realRoot] = await Promise.all([realpath(path).catch(() => undefined), realpath(root)]);
    if (target === undefined) return "symlink: broken or looping; policy not read";
    if (!target.startsWith(`${realRoot}/`)) return "symlink: points outside the scanned root; policy not read";
    return (await stat(target)).isFile() ? undefined : "not a regular file; policy not read";
  }
  return info.isFile() ? undefined : "not a regular file; policy not read";
}

export function emptyPolicy(): Policy {
  return { licenses: { deny: [] }, providers: { deny: [] }, hosts: { deny: [] }, rules: {}, ignore: [], overlays: [], suppressions: [] };
}

/**
 * The policy at `configPath` (must exist) or `<root>/.modelrisk.yaml` (optional). The default file
 * comes from the scanned tree, so it is held to the walk's rules: a symlink out of the root or
 * anything but a regular file (a FIFO would block the read forever) is not read, and says so.
 */
export async function loadPolicy(root: string, configPath?: string): Promise<Policy> {
  const path = configPath ? resolve(configPath) : join(root, POLICY_FILE);
  if (!configPath) {
    const refusal = await refuseDefault(root, path);
    if (refusal) return { ...emptyPolicy(), skipped: { file: POLICY_FILE, reason: refusal } };
  }
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if (!configPath && (error as NodeJS.ErrnoException).code === "ENOENT") return emptyPolicy();
    throw new PolicyError(`${configPath ?? path}: cannot read the policy file (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const rel = relative(root, path).split("\\").join("/");
  const { parsePolicy } = await import("./parse.js");
  const display = !rel.startsWith("..") && !isAbsolute(rel) ? rel : (configPath ?? path);
  const policy = parsePolicy(text, display);
  policy.overlays = await resolveOverlays(policy.overlays, dirname(path), root, display);
  return policy;
}

/** Overlay folders resolve against the policy file and must stay inside the scanned root. */
async function resolveOverlays(dirs: readonly string[], base: string, root: string, display: string): Promise<string[]> {
  const realRoot = await realpath(root);
  const out: string[] = [];
  for (const dir of dirs) {
    const absolute = resolve(base, dir);
    const real = await realpath(absolute).catch(() => undefined);
    if (real === undefined) throw new PolicyError(`${display}: overlays: '${dir}' is not a folder that exists`);
    if (real !== realRoot && !real.startsWith(`${realRoot}/`)) {
      throw new PolicyError(`${display}: overlays: '${dir}' is outside the scanned root (give it with --rules instead)`);
    }
    out.push(real);
  }
  return out;
}

