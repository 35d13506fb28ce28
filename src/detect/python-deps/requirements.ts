import { parsePep508, type PyDep, normalizeName } from "./declared.js";

export interface Requirements {
  deps: PyDep[];
  /** Files named by `-r` (not `-c`: constraints declare nothing), relative to the including file's folder. */
  includes: string[];
}

/**
 * Reads a pip requirements file: one PEP 508 requirement per logical line (`\` continues a line),
 * `#` comments, pip options skipped, `-r`/`--requirement` includes returned for the caller to follow,
 * `git+…#egg=name` URLs named by their egg.
 */
export function readRequirements(text: string): Requirements {
  const deps: PyDep[] = [];
  const includes: string[] = [];
  let offset = 0;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const start = offset;
    let line = lines[i]!;
    offset += line.length + 1;
    while (line.trimEnd().endsWith("\\") && i + 1 < lines.length) {
      line = line.trimEnd().slice(0, -1) + " ";
      offset += lines[++i]!.length + 1;
      line += lines[i]!;
    }
    const content = line.replace(/(^|\s)#.*$/, "").trim();
    if (content === "") continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(content);
    if (include) {
      includes.push(include[1]!);
      continue;
    }
    const egg = /#egg=([A-Za-z0-9._-]+)/.exec(line);
    if (egg) {
      deps.push({ name: normalizeName(egg[1]!), written: egg[1]!, offset: start + line.indexOf(egg[1]!) });
      continue;
    }
    if (content.startsWith("-") || /^[a-z+]+:\/\//i.test(content) || content.startsWith(".") || content.startsWith("/")) continue;
    const parsed = parsePep508(content);
    if (!parsed) continue;
    deps.push({ name: normalizeName(parsed.written), written: parsed.written, version: parsed.version, offset: start + line.indexOf(parsed.written) });
  }
  return { deps, includes };
}
