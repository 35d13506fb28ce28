import { createRequire } from "node:module";
import type { ts } from "ts-morph";

/**
 * ts-morph's bundled TypeScript API, loaded with `require`: an ESM import of this 9 MB CommonJS
 * bundle also runs Node's export scanner over it, about 100 ms more on every scan that parses TS.
 */
export const tsApi: typeof ts = (createRequire(import.meta.url)("ts-morph") as { ts: typeof ts }).ts;
