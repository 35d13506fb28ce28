import type { Detector, DetectContext, Mention, ProviderMention, SourceFile } from "../types.js";
import { baseName, createLocator } from "./config/positions.js";

/**
 * A hostname, optionally with a port, or a single-label host that has a port (`http://ollama:11434`).
 * One precompiled regex; which hosts matter is the rules database's answer, not a list kept here.
 * Sticky: `nextHost` runs it only where a match can start.
 */
const HOST =
  /(?<![\w.@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::(\d{2,5}))?(?![\w-])|(?<=\/\/)([a-z][a-z0-9-]{0,62}):(\d{2,5})(?![\w-])/iy;
const CLOUDFLARE_HOST = "api.cloudflare.com";
const CLOUDFLARE_AI = /^\/client\/v4\/accounts\/[^/\s"'`]+\/ai\b/;
const OLLAMA_PORT = "11434";

/** Lockfiles, prose and data: a host named there is not a call the project makes. */
const NOT_SCANNED = /\.(?:md|mdx|markdown|rst|txt|adoc|csv|tsv|log|svg|min\.js|min\.css|lock)$|^(?:package-lock\.json|npm-shrinkwrap\.json|pnpm-lock\.yaml|yarn\.lock|poetry\.lock|uv\.lock|Pipfile\.lock|Cargo\.lock|go\.sum|composer\.lock|Gemfile\.lock|LICENSE.*|LICENCE.*|COPYING.*|CHANGELOG.*|NOTICE.*)$/i;

/**
 * Provider API hosts in any text file (`https://api.openai.com/v1`, `dashscope.aliyuncs.com`,
 * `localhost:11434`). Notebooks are included: a host in a cell sits on a real line of the `.ipynb` file.
 */
export const endpointDetector: Detector = {
  name: "endpoint",
  accepts: (path) => !NOT_SCANNED.test(baseName(path)),
  detect(files: readonly SourceFile[], ctx: DetectContext): Mention[] {
    const out: Mention[] = [];
    const lookup = cachedLookup(ctx);
    for (const file of files) out.push(...detectEndpoints(file, ctx, lookup));
    return out;
  },
};

type Found = { provider: string; via: string } | undefined;
type Lookup = (match: RegExpExecArray, text: string) => Found;

export function detectEndpoints(file: SourceFile, ctx: DetectContext, lookup = cachedLookup(ctx)): ProviderMention[] {
  const { text } = file;
  const out: ProviderMention[] = [];
  let locate: ReturnType<typeof createLocator> | undefined;
  for (let match = nextHost(text, 0); match; match = nextHost(text, match.index + match[0].length)) {
    const found = lookup(match, text);
    if (!found) continue;
    locate ??= createLocator(text);
    out.push({
      kind: "provider",
      file: file.path,
      ...locate(match.index, match.index + match[0].length),
      value: found.provider,
      text: match[0],
      detector: "endpoint",
      via: found.via,
    });
  }
  return out;
}

/**
 * Looks each host up once per batch: most matches are code (`console.log`, `z.object`) met thousands
 * of times. The answer depends on the matched text alone, except for Cloudflare, which reads on.
 */
function cachedLookup(ctx: DetectContext): Lookup {
  const seen = new Map<string, Found>();
  return (match, text) => {
    const cached = seen.get(match[0]);
    if (cached !== undefined || seen.has(match[0])) return cached;
    const host = (match[1] ?? match[3]!).toLowerCase();
    const port = match[2] ?? match[4];
    const end = match.index + match[0].length;
    const found = lookupHost(host, port, () => text.slice(end, end + 200), ctx);
    if (host !== CLOUDFLARE_HOST) seen.set(match[0], found);
    return found;
  };
}

/**
 * The next match of HOST at or after `from`, the same one a global search would find. A match can
 * only start at a letter or digit that the lookbehind allows (not after [\w.@-]), and every
 * alternative needs `.` or `:` right after its first label, or is `localhost`. Such a label is a
 * whole run of [a-z0-9-], so the regex is tried once per run that qualifies, not at every character.
 */
export function nextHost(text: string, from: number): RegExpExecArray | null {
  const n = text.length;
  let at = from;
  while (at < n) {
    if (CHAR[text.charCodeAt(at)] !== ALNUM) {
      at++;
      continue;
    }
    let end = at + 1;
    while (end < n && (CHAR[text.charCodeAt(end)]! & LABEL) !== 0) end++;
    if ((at === 0 || CHAR[text.charCodeAt(at - 1)] === 0) && mayEndFirstLabel(text, at, end)) {
      HOST.lastIndex = at;
      const match = HOST.exec(text);
      if (match) return match;
    }
    at = end;
  }
  return null;
}

function mayEndFirstLabel(text: string, start: number, end: number): boolean {
  const next = text.charCodeAt(end);
  return next === 0x2e || next === 0x3a || (end - start === 9 && text.slice(start, end).toLowerCase() === "localhost");
}

/** Character classes by UTF-16 code unit; without the u flag, `i` and `\w` stay ASCII. 0: not in [\w.@-]. */
const ALNUM = 1;
const HYPHEN = 2;
const LABEL = ALNUM | HYPHEN;
const OTHER_HOST_CHAR = 4;
const CHAR = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  if (/[a-z0-9]/i.test(ch)) CHAR[c] = ALNUM;
  else if (ch === "-") CHAR[c] = HYPHEN;
  else if (ch === "_" || ch === "." || ch === "@") CHAR[c] = OTHER_HOST_CHAR;
}

/** Asks the database for the host as written, then for the wildcard forms a provider list may use. */
function lookupHost(host: string, port: string | undefined, after: () => string, ctx: DetectContext) {
  const withPort = port ? `${host}:${port}` : host;
  if (host === CLOUDFLARE_HOST) {
    if (!CLOUDFLARE_AI.test(after())) return undefined;
    const key = "api.cloudflare.com/client/v4/accounts/*/ai";
    const provider = ctx.providerFor("host", key);
    return provider ? { provider, via: key } : undefined;
  }
  for (const key of candidateKeys(host, withPort)) {
    const provider = ctx.providerFor("host", key);
    if (provider) return { provider, via: key.includes("*") ? host : key };
  }
  if (port === OLLAMA_PORT) {
    // Ollama's default port: `http://ollama:11434` in compose, `host.docker.internal:11434`.
    const provider = ctx.providerFor("host", `localhost:${OLLAMA_PORT}`);
    if (provider) return { provider, via: withPort };
  }
  return undefined;
}

/**
 * `x.openai.azure.com` → also `*.openai.azure.com`; `us-central1-aiplatform.googleapis.com` →
 * `*-aiplatform.googleapis.com`; `bedrock-runtime.us-east-1.amazonaws.com` → `bedrock-runtime.*.amazonaws.com`.
 */
function candidateKeys(host: string, withPort: string): string[] {
  const keys = withPort === host ? [host] : [withPort, host];
  const labels = host.split(".");
  if (labels.length < 3 || /^\d/.test(host)) return keys;
  for (let i = 1; i < labels.length - 1; i++) keys.push(`*.${labels.slice(i).join(".")}`);
  const dash = labels[0]!.lastIndexOf("-");
  if (dash > 0) keys.push(`*${labels[0]!.slice(dash)}.${labels.slice(1).join(".")}`);
  for (let i = 1; i < labels.length - 2; i++) keys.push([...labels.slice(0, i), "*", ...labels.slice(i + 1)].join("."));
  return keys;
}
