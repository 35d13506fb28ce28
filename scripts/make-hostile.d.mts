/** Types for scripts/make-hostile.mjs, so the TypeScript tests can import it. */
export declare const COMMITTED: string;
export declare const OUTSIDE_MARKER: string;
export declare function makeHostile(
  dest: string,
  options?: { large?: boolean; outside?: string },
): { root: string; outside: string };
