import { parsePep508, type PyDep, normalizeName } from "./declared.js";

export interface Requirements {
  deps: PyDep[];
  /** Files named by `-r` (not `-c`: constraints declare nothing), relative to the including file's folder. */
  includes: string[];
}

/**
 * Reads a pip requirements file: one PEP 508 requirement per logical line (`\` continues a line),
 * `#` comments, pip options skipped, `-r`/`--requirement` includes returned for the caller to follow,
 * `git+…#egg=name` URLs named by their egg. pip-compile output keeps its `# via` comments, which tell
 * declared pins from the transitive ones.
 */
export function readRequirements(text: string): Requirements {
  const deps: PyDep[] = [];
  const includes: string[] = [];
  let offset = 0;
  let last: PyDep | undefined;
  let viaItems: string[] | undefined;
  const viaOf = new Map<PyDep, string[]>();
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
    const via = /^\s*#\s+via(?:\s+(\S.*))?$/.exec(line);
    if (via) {
      viaItems = via[1] ? [via[1].trim()] : [];
      if (last) viaOf.set(last, viaItems);
      continue;
    }
    const viaItem = /^\s*#\s{2,}(\S.*)$/.exec(line);
    if (viaItem && viaItems) {
      viaItems.push(viaItem[1]!.trim());
      continue;
    }
    viaItems = undefined;
    // Per-requirement options (`--hash=…`, `--config-settings …`) follow the requirement itself.
    const content = line.replace(/(^|\s)#.*$/, "").replace(/\s--\S.*$/, "").trim();
    if (content === "") continue;
    const include = /^(?:-r|--requirement)(?:\s+|=)(\S+)/.exec(content);
    if (include) {
      includes.push(include[1]!);
      continue;
    }
    const egg = /#egg=([A-Za-z0-9._-]+)/.exec(line);
    if (egg) {
      const at = start + egg.index + "#egg=".length;
      deps.push((last = { name: normalizeName(egg[1]!), written: egg[1]!, offset: at }));
      continue;
    }
    if (content.startsWith("-") || /^[a-z+]+:\/\//i.test(content) || content.startsWith(".") || content.startsWith("/")) continue;
    const parsed = parsePep508(content);
    if (!parsed) continue;
    last = { name: normalizeName(parsed.written), written: parsed.written, version: parsed.version, offset: start + line.indexOf(parsed.written) };
    deps.push(last);
  }
  for (const [dep, items] of viaOf) dep.direct = items.some(isDeclaringOrigin);
  return { deps, includes };
}

/** pip-compile names where a pin comes from: `-r requirements.in` or `app (pyproject.toml)` declare it; a package name only pulls it in. */
function isDeclaringOrigin(item: string): boolean {
  return item.startsWith("-r ") || /\((pyproject\.toml|setup\.py|setup\.cfg)\)$/.test(item);
}
