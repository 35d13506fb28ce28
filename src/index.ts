export { scan, scanDetailed, type ScanOptions, type ScanResult } from "./scan.js";
export { loadRules } from "./rules/load.js";
export type * from "./types.js";
export type { RulesDb } from "./rules/types.js";
