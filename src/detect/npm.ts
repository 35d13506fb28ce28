import type { DetectContext, Detector, ProviderMention, SourceFile } from "../types.js";
import { loadWithArborist } from "./npm/arborist.js";
import { folderOf, joinPath, type LockResult, type LockTree } from "./npm/lock.js";
import { readManifest, type Manifest } from "./npm/manifest.js";
import { readPackageLock } from "./npm/package-lock.js";
import { readPnpmLock } from "./npm/pnpm-lock.js";
import { LineIndex } from "./npm/positions.js";
import { readYarnLock } from "./npm/yarn-lock.js";
import { isNpmFile, NPM_LOCKFILES } from "./paths.js";


type Dependency = NonNullable<ProviderMention["dependency"]>;

/**
 * npm dependency trees → provider mentions. Direct dependencies are located at their key in the
 * package.json that declares them (version from the lockfile when there is one, else the declared range);
 * transitive ones at their lockfile entry. Which package belongs to which provider is the rules database's
 * call (`ctx.providerFor("npm", name)`), so this file holds no list of SDKs.
 */
const LOCKFILES_FOR_ARBORIST = /^(?:package-lock|npm-shrinkwrap)\.json$/;

export const npmDetector: Detector = {
  name: "npm",
  accepts: isNpmFile,
  prepare(paths, ctx) {
    // Arborist takes ~0.4 s to load; start while the scan still reads files.
    if (ctx.root !== undefined && paths.some((p) => LOCKFILES_FOR_ARBORIST.test(baseName(p)))) {
      void import("@npmcli/arborist").catch(() => undefined);
    }
  },
  async detect(files, ctx) {
    const manifests: Manifest[] = [];
    for (const file of files.filter((f) => baseName(f.path) === "package.json")) {
      const manifest = readManifest(file);
      if ("error" in manifest) ctx.skip(file.path, manifest.error);
      else {
        manifest.problems.forEach((problem) => ctx.skip(file.path, problem));
        manifests.push(manifest);
      }
    }
    const texts = new Map(files.map((f) => [f.path, f.text]));
    const out: ProviderMention[] = [];
    const resolved = new Map<string, string>();
    for (const lockFile of pickLockfiles(files)) {
      const tree = await readLock(lockFile, manifests, ctx);
      if ("error" in tree) {
        ctx.skip(lockFile.path, tree.error);
        continue;
      }
      out.push(...mentionLock(tree, lockFile.text, manifests, resolved, ctx));
    }
    for (const manifest of manifests) {
      const lines = new LineIndex(texts.get(manifest.file) ?? "");
      for (const dep of manifest.deps) {
        const provider = ctx.providerFor("npm", dep.name);
        if (provider === undefined) continue;
        const version = resolved.get(`${manifest.dir}\0${dep.name}`) ?? dep.spec;
        const span = lines.span(dep.offset, dep.length);
        out.push(mention(manifest.file, span, dep.key, provider, { ecosystem: "npm", name: dep.name, version, direct: true }));
      }
    }
    return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  },
};

/**
 * Entries a package.json in the scan declares directly only record their version here (the mention
 * stands at the declaration); direct entries whose package.json was not scanned, and every transitive
 * AI SDK (once per name@version), are located at the lockfile entry.
 */
function mentionLock(tree: LockTree, text: string, manifests: readonly Manifest[], resolved: Map<string, string>, ctx: DetectContext): ProviderMention[] {
  const declared = new Set(manifests.flatMap((m) => m.deps.map((d) => `${m.dir}\0${d.name}`)));
  const lines = new LineIndex(text);
  const seen = new Set<string>();
  const out: ProviderMention[] = [];
  for (const entry of tree.entries) {
    const provider = ctx.providerFor("npm", entry.name);
    if (provider === undefined) continue;
    const importers = entry.directOf.map((importer) => joinPath(tree.dir, importer));
    for (const dir of importers) if (entry.version) resolved.set(`${dir}\0${entry.name}`, entry.version);
    const direct = importers.length > 0;
    if (importers.some((dir) => declared.has(`${dir}\0${entry.name}`))) continue;
    const key = `${entry.name}@${entry.version ?? ""}@${direct}`;
    const at = entry.locate();
    if (seen.has(key) || at === undefined) continue;
    seen.add(key);
    const dependency: Dependency = { ecosystem: "npm", name: entry.name, version: entry.version, direct };
    out.push(mention(tree.file, lines.span(at.offset, at.length), text.slice(at.offset, at.offset + at.length), provider, dependency));
  }
  return out;
}

async function readLock(file: SourceFile, manifests: readonly Manifest[], ctx: DetectContext): Promise<LockResult> {
  const name = baseName(file.path);
  let result: LockResult | undefined;
  if (name === "pnpm-lock.yaml") result = readPnpmLock(file);
  else if (name === "yarn.lock") result = readYarnLock(file, manifests);
  else {
    if (ctx.root !== undefined) result = await loadWithArborist(ctx.root, file);
    result ??= readPackageLock(file);
  }
  return result;
}

/** The first lockfile of each folder by npm's preference. */
function pickLockfiles(files: readonly SourceFile[]): SourceFile[] {
  const byFolder = new Map<string, SourceFile>();
  const rank = (f: SourceFile) => NPM_LOCKFILES.indexOf(baseName(f.path) as (typeof NPM_LOCKFILES)[number]);
  for (const file of files) {
    if (rank(file) < 0) continue;
    const current = byFolder.get(folderOf(file.path));
    if (!current || rank(file) < rank(current)) byFolder.set(folderOf(file.path), file);
  }
  return [...byFolder.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

function mention(file: string, span: ReturnType<LineIndex["span"]>, text: string, provider: string, dependency: Dependency): ProviderMention {
  return { kind: "provider", file, ...span, value: provider, text, detector: "npm", via: dependency.name, dependency };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
