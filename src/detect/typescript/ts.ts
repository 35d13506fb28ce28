import type { ts } from "ts-morph";
import { loadTypescript, readCodeCache } from "./ts-loader.js";

/** ts-morph's bundled TypeScript API (parser and scanner only), started from the build's code cache. */
export const tsApi: typeof ts = loadTypescript(readCodeCache()).api;
