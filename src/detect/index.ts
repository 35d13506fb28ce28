import type { Detector, DetectContext, Mention, SourceFile } from "../types.js";

interface Entry {
  load: () => Promise<Detector>;
  /** A cheap path test for detectors whose module is expensive to load (the TypeScript compiler). */
  mayAccept?: (path: string) => boolean;
}

/** Every detector, in the order their mentions win when two see the same place. */
const REGISTRY: readonly Entry[] = [
  {
    load: async () => (await import("./typescript/index.js")).typescriptDetector,
    mayAccept: (path) => /\.[cm]?[jt]sx?$/i.test(path),
  },
  { load: async () => (await import("./python/index.js")).pythonDetector },
  { load: async () => (await import("./notebook.js")).notebookDetector },
  { load: async () => (await import("./config/index.js")).configDetector },
  { load: async () => (await import("./dockerfile.js")).dockerfileDetector },
  { load: async () => (await import("./shell.js")).shellDetector },
  { load: async () => (await import("./npm.js")).npmDetector },
  { load: async () => (await import("./python-deps.js")).pythonDepsDetector },
  { load: async () => (await import("./endpoint.js")).endpointDetector },
];

/**
 * The detectors a scan needs. Given the candidate paths, a detector whose module is costly to load
 * is left out when no path could be for it, so a pre-commit run on two YAML files never loads TypeScript.
 */
export async function loadDetectors(paths?: readonly string[]): Promise<Detector[]> {
  const wanted = REGISTRY.filter((e) => !paths || !e.mayAccept || paths.some(e.mayAccept));
  return Promise.all(wanted.map((e) => e.load()));
}

/**
 * Hands each detector the files it accepts. A detector that throws loses its own batch only:
 * the failure is noted and the scan goes on with the others.
 */
export async function detectAll(
  files: readonly SourceFile[],
  detectors: readonly Detector[],
  ctx: DetectContext,
  onDetector?: (name: string, done: number) => void,
): Promise<Mention[]> {
  const out: Mention[] = [];
  let done = 0;
  for (const detector of detectors) {
    const accepted = files.filter((f) => detector.accepts(f.path));
    if (accepted.length > 0) {
      try {
        out.push(...(await detector.detect(accepted, ctx)));
      } catch (error) {
        ctx.skip(accepted.length === 1 ? accepted[0]!.path : ".", `${detector.name} detector failed: ${oneLine(error)}`);
      }
    }
    onDetector?.(detector.name, ++done);
  }
  return out;
}

function oneLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split("\n")[0]!.slice(0, 200);
}
