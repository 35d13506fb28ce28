import type { Detector, DetectContext, Mention, ProviderMention, SourceFile } from "../types.js";
import { baseName, createLocator } from "./config/positions.js";

/**
 * A hostname, optionally with a port, or a single-label host that has a port (`http://ollama:11434`).
 * One precompiled regex; which hosts matter is the rules database's answer, not a list kept here.
 */
const HOST =
  /(?<![\w.@-])((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}|localhost|\d{1,3}(?:\.\d{1,3}){3})(?::(\d{2,5}))?(?![\w-])|(?<=\/\/)([a-z][a-z0-9-]{0,62}):(\d{2,5})(?![\w-])/gi;
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
    for (const file of files) out.push(...detectEndpoints(file, ctx));
    return out;
  },
};

export function detectEndpoints(file: SourceFile, ctx: DetectContext): ProviderMention[] {
  const { text } = file;
  const out: ProviderMention[] = [];
  let locate: ReturnType<typeof createLocator> | undefined;
  for (const match of text.matchAll(HOST)) {
    const host = (match[1] ?? match[3]!).toLowerCase();
    const port = match[2] ?? match[4];
    const found = lookupHost(host, port, text.slice(match.index + match[0].length, match.index + match[0].length + 200), ctx);
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

/** Asks the database for the host as written, then for the wildcard forms a provider list may use. */
function lookupHost(host: string, port: string | undefined, after: string, ctx: DetectContext) {
  const withPort = port ? `${host}:${port}` : host;
  if (host === "api.cloudflare.com") {
    if (!CLOUDFLARE_AI.test(after)) return undefined;
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
