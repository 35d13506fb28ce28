import type { Reporter } from "./types.js";

/** The JSON report of DESIGN.md: the report object as built, which is already in stable order. */
export const formatJson: Reporter = (report) => `${JSON.stringify(report, null, 2)}\n`;
