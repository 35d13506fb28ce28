import type { Detector, DetectContext, Mention, SourceFile } from "../types.js";

/** Every detector, in the order their mentions win when two see the same place. */
export async function loadDetectors(): Promise<Detector[]> {
  return [];
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
