/**
 * Which files each detector reads, by path alone. Kept apart from the detectors so the registry can
 * tell, before loading a detector's parser (TypeScript, lezer, Arborist, TOML), whether any file of
 * the scan is for it: a pre-commit run on two YAML files loads neither.
 */

/** The last path segment, so `a/b/Dockerfile.gpu` → `Dockerfile.gpu`. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

const TYPESCRIPT = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const DECLARATION = /\.d\.[cm]?ts$|\.d\.[^/]*\.ts$/;
export const isTypescriptSource = (path: string): boolean => TYPESCRIPT.test(path) && !DECLARATION.test(path);

export const isPythonSource = (path: string): boolean => /\.pyi?$/i.test(path);

export const isNotebook = (path: string): boolean => /\.ipynb$/i.test(path);

const DOCKERFILE = /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|Dockerfile|containerfile)$/;
export const isDockerfile = (path: string): boolean => DOCKERFILE.test(baseName(path));

export const MAKEFILE = /^(?:GNUmakefile|[Mm]akefile)$|\.mk$/;
export const isShellScript = (path: string): boolean => /\.(?:sh|bash|zsh)$/.test(path) || MAKEFILE.test(baseName(path));

/** Lockfiles in the order npm itself prefers them; one folder is read through its first one only. */
export const NPM_LOCKFILES = ["npm-shrinkwrap.json", "package-lock.json", "pnpm-lock.yaml", "yarn.lock"] as const;
const NPM_FILES = new Set<string>(["package.json", ...NPM_LOCKFILES]);
export const isNpmFile = (path: string): boolean => NPM_FILES.has(baseName(path));

export const PYTHON_LOCKS = new Set(["poetry.lock", "uv.lock"]);
export const PYTHON_MANIFESTS = new Set(["pyproject.toml", "Pipfile"]);
/** `requirements.txt`, `requirements-dev.txt`, `requirements/base.txt`, pip-tools `requirements.in`. */
export function isRequirementsFile(path: string): boolean {
  const name = baseName(path);
  return /^requirements.*\.(txt|in)$/.test(name) || /(^|\/)requirements\/[^/]+\.(txt|in)$/.test(path);
}
export const isPythonDependencyFile = (path: string): boolean =>
  PYTHON_LOCKS.has(baseName(path)) || PYTHON_MANIFESTS.has(baseName(path)) || isRequirementsFile(path);
