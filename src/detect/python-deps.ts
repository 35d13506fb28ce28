import type { DetectContext, Detector, ProviderMention } from "../types.js";
import { LineIndex } from "./npm/positions.js";
import type { PyDep } from "./python-deps/declared.js";
import { readPyLock } from "./python-deps/lockfiles.js";
import { readIncluded } from "./python-deps/includes.js";
import { readRequirements } from "./python-deps/requirements.js";
import { parseToml, readPipfile, readPyproject } from "./python-deps/toml-manifests.js";
import { isPythonDependencyFile, isRequirementsFile, PYTHON_LOCKS } from "./paths.js";


interface Located {
  file: string;
  text: string;
  deps: PyDep[];
}

type LocatedLock = Located & { direct: (name: string) => boolean };

/**
 * Python manifests and lockfiles → provider mentions, located at the package name. Manifests declare
 * direct dependencies; a lockfile entry is reported only when no manifest in its folder declares it
 * (then it is transitive, unless uv marks it as the project's own). The database maps names to providers.
 */
export const pythonDepsDetector: Detector = {
  name: "python-deps",
  accepts: isPythonDependencyFile,
  async detect(files, ctx) {
    const manifests: Located[] = [];
    const locks: LocatedLock[] = [];
    const given = new Map(files.map((f) => [f.path, f]));
    for (const file of files) {
      const name = baseName(file.path);
      if (isRequirementsFile(file.path)) {
        const { deps, includes } = readRequirements(file.text);
        manifests.push({ file: file.path, text: file.text, deps });
        for (const included of await readIncluded(file.path, includes, given, ctx)) {
          manifests.push({ file: included.path, text: included.text, deps: readRequirements(included.text).deps });
        }
        continue;
      }
      const parsed = parseToml(file.text, name);
      const data = "data" in parsed ? parsed.data : undefined;
      if (data === undefined) {
        ctx.skip(file.path, "error" in parsed ? parsed.error : name);
      } else if (PYTHON_LOCKS.has(name)) {
        const lock = readPyLock(file.text, data, name);
        if ("error" in lock) ctx.skip(file.path, lock.error);
        else locks.push({ file: file.path, text: file.text, deps: lock.packages, direct: (n) => lock.direct.has(n) });
      } else if (name === "Pipfile") {
        manifests.push({ file: file.path, text: file.text, deps: readPipfile(file.text, data) });
      } else {
        const { deps, problems } = readPyproject(file.text, data);
        problems.forEach((problem) => ctx.skip(file.path, problem));
        manifests.push({ file: file.path, text: file.text, deps });
      }
    }
    return [...mentionManifests(manifests, locks, ctx), ...mentionLocks(locks, manifests, ctx)].sort(
      (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column),
    );
  },
};

function mentionManifests(manifests: readonly Located[], locks: readonly Located[], ctx: DetectContext): ProviderMention[] {
  const pinned = new Map(locks.flatMap((l) => l.deps.map((d) => [`${folderOf(l.file)}\0${d.name}`, d.version] as const)));
  return manifests.flatMap((m) => {
    const seen = new Set<string>();
    const deps = m.deps.filter((d) => !seen.has(d.name) && seen.add(d.name));
    return mentionDeps(m, deps, () => true, ctx, (d) => pinned.get(`${folderOf(m.file)}\0${d.name}`) ?? d.version);
  });
}

function mentionLocks(locks: readonly LocatedLock[], manifests: readonly Located[], ctx: DetectContext): ProviderMention[] {
  const declared = new Set(manifests.flatMap((m) => m.deps.map((d) => `${folderOf(m.file)}\0${d.name}`)));
  return locks.flatMap((l) =>
    mentionDeps(l, l.deps.filter((d) => !declared.has(`${folderOf(l.file)}\0${d.name}`)), l.direct, ctx, (d) => d.version),
  );
}

function mentionDeps(
  source: Located,
  deps: readonly PyDep[],
  isDirect: (name: string) => boolean,
  ctx: DetectContext,
  versionOf: (dep: PyDep) => string | undefined,
): ProviderMention[] {
  const lines = new LineIndex(source.text);
  const out: ProviderMention[] = [];
  for (const dep of deps) {
    const provider = ctx.providerFor("pypi", dep.name);
    if (provider === undefined) continue;
    const version = versionOf(dep);
    out.push({
      kind: "provider", file: source.file, ...lines.span(dep.offset, dep.written.length), value: provider, text: dep.written,
      detector: "python-deps", via: dep.name,
      dependency: { ecosystem: "pypi", name: dep.name, ...(version === undefined ? {} : { version }), direct: dep.direct ?? isDirect(dep.name) },
    });
  }
  return out;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

function folderOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}
