/**
 * `--format cyclonedx`: a CycloneDX 1.6 ML-BOM. Each model is a `machine-learning-model`
 * component with its licence, supplier, where the code names it and the risk as properties;
 * each provider SDK is a `library` component. The JSON is built by hand because
 * @cyclonedx/cyclonedx-library needs Node ≥ 20.18 and modelrisk supports 20.17; tests
 * validate the output against the 1.6 schema that library ships.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { Report, ReportModel, ReportProvider } from "../types.js";
import type { Reporter, ReportContext } from "./types.js";
import { INFORMATION_URI } from "./sarif/rules.js";

type Json = Record<string, unknown>;
type Property = { name: string; value: string };

const spdxIds: readonly string[] = createRequire(import.meta.url)("spdx-license-ids") as string[];
const spdxByLowerCase = new Map(spdxIds.map((id) => [id.toLowerCase(), id]));

const HUB_HOST = "huggingface.co";
const COMMIT = /^[0-9a-f]{7,64}$/i;

const joinPath = (rootPrefix: string, file: string): string => {
  const prefix = rootPrefix.replace(/^\/+|\/+$/g, "");
  return prefix === "" ? file : `${prefix}/${file}`;
};

/** `org/name` ids on the Hugging Face hub; API ids (`gpt-4o`) and Ollama tags are not. */
function hubParts(model: ReportModel): { org: string; name: string } | undefined {
  const parts = model.id.split("/");
  if (parts.length !== 2 || parts.some((part) => part === "")) return undefined;
  return { org: parts[0]!, name: parts[1]! };
}

const isOnHub = (model: ReportModel): boolean =>
  model.kind !== "api" && (model.provider === "huggingface" || model.hosts.includes(HUB_HOST));

/** The revision every reference pins, when they all pin the same one. */
function commonRevision(model: ReportModel): string | undefined {
  const revisions = new Set(model.references.map((ref) => ref.revision));
  const [only] = revisions;
  return revisions.size === 1 && only !== undefined && only !== "" ? only : undefined;
}

const propertiesOf = (entries: [string, string | number | boolean | undefined][]): Property[] =>
  entries.filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined).map(([name, value]) => ({ name, value: String(value) }));

function licensesOf(model: ReportModel): Json[] | undefined {
  if (model.license === undefined || model.license === "") return undefined;
  const spdx = spdxByLowerCase.get(model.license.toLowerCase());
  return [{ license: spdx === undefined ? { name: model.license } : { id: spdx } }];
}

function modelComponent(model: ReportModel, providers: Map<string, ReportProvider>, rootPrefix: string): Json {
  const hub = hubParts(model);
  const revision = commonRevision(model);
  const onHub = hub !== undefined && isOnHub(model);
  const purlVersion = revision !== undefined && COMMIT.test(revision) ? `@${revision.toLowerCase()}` : "";
  const purl = onHub ? `pkg:huggingface/${encodeURIComponent(hub.org)}/${encodeURIComponent(hub.name)}${purlVersion}` : undefined;
  const provider = model.provider === undefined ? undefined : providers.get(model.provider);
  const externalReferences: Json[] = [];
  if (onHub) externalReferences.push({ type: "distribution", url: `https://${HUB_HOST}/${hub.org}/${hub.name}` });
  for (const url of [...new Set(model.sources)].sort()) externalReferences.push({ type: "evidence", url, comment: "Source of modelrisk facts about this model." });
  const lifecycle = model.lifecycle;
  const properties = propertiesOf([
    ["modelrisk:score", model.score],
    ["modelrisk:level", model.level],
    ["modelrisk:known", model.known],
    ["modelrisk:kind", model.kind],
    ["modelrisk:family", model.family],
    ["modelrisk:license", model.license],
    ["modelrisk:licenseClass", model.licenseClass],
    ["modelrisk:canonicalId", model.canonical],
    ["modelrisk:lifecycle", lifecycle?.status],
    ["modelrisk:deprecated", lifecycle?.deprecated],
    ["modelrisk:retires", lifecycle?.retires],
    ["modelrisk:replacement", lifecycle?.replacement],
    ...model.hosts.map((host): [string, string] => ["modelrisk:host", host]),
    ...model.incidents.map((incident): [string, string] => ["modelrisk:incident", incident]),
    ...(model.factors ?? []).flatMap((factor): [string, string | number][] => [
      [`modelrisk:factor:${factor.name}`, factor.score * factor.weight],
      [`modelrisk:factor:${factor.name}:reason`, factor.reason],
    ]),
  ]);
  return {
    type: "machine-learning-model",
    "bom-ref": `model:${model.id}`,
    ...(provider !== undefined || model.provider !== undefined ? { supplier: { name: provider?.name ?? model.provider } } : {}),
    ...(hub !== undefined ? { group: hub.org, name: hub.name } : { name: model.id }),
    ...(revision !== undefined && { version: revision }),
    ...(licensesOf(model) !== undefined && { licenses: licensesOf(model) }),
    ...(purl !== undefined && { purl }),
    ...(externalReferences.length > 0 && { externalReferences }),
    ...(model.references.length > 0 && {
      evidence: {
        occurrences: model.references.map((ref) => ({
          location: joinPath(rootPrefix, ref.file),
          line: ref.line,
          ...(ref.via !== undefined && { symbol: ref.via }),
          additionalContext: ref.text,
        })),
      },
    }),
    ...(properties.length > 0 && { properties }),
  };
}

function libraryPurl(ecosystem: "npm" | "pypi", name: string, version: string | undefined): string {
  const at = version === undefined || version === "" ? "" : `@${encodeURIComponent(version)}`;
  if (ecosystem === "pypi") return `pkg:pypi/${encodeURIComponent(name.toLowerCase().replace(/[-_.]+/g, "-"))}${at}`;
  const path = name.startsWith("@") ? name.split("/").map((part) => encodeURIComponent(part)).join("/") : encodeURIComponent(name);
  return `pkg:npm/${path}${at}`;
}

/** One library component per SDK package and version, with every manifest line that declares it. */
function libraryComponents(report: Report, rootPrefix: string): Json[] {
  const byPurl = new Map<string, { provider: ReportProvider; dependency: NonNullable<ReportProvider["references"][number]["dependency"]>; refs: ReportProvider["references"] }>();
  for (const provider of report.providers) {
    for (const ref of provider.references) {
      if (ref.dependency === undefined) continue;
      const purl = libraryPurl(ref.dependency.ecosystem, ref.dependency.name, ref.dependency.version);
      const entry = byPurl.get(purl) ?? { provider, dependency: ref.dependency, refs: [] };
      entry.refs.push(ref);
      byPurl.set(purl, entry);
    }
  }
  return [...byPurl.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([purl, { provider, dependency, refs }]) => {
      const scoped = dependency.ecosystem === "npm" && dependency.name.startsWith("@") ? dependency.name.split("/") : undefined;
      return {
        type: "library",
        "bom-ref": purl,
        ...(scoped !== undefined ? { group: scoped[0], name: scoped.slice(1).join("/") } : { name: dependency.name }),
        ...(dependency.version !== undefined && { version: dependency.version }),
        purl,
        evidence: { occurrences: refs.map((ref) => ({ location: joinPath(rootPrefix, ref.file), line: ref.line })) },
        properties: propertiesOf([
          ["modelrisk:provider", provider.id],
          ["modelrisk:direct", refs.some((ref) => ref.dependency?.direct === true)],
        ]),
      };
    });
}

/** RFC 4122 version-5 UUID (SHA-1, URL namespace) of the BOM content: same scan, same serial. */
function deterministicSerial(content: string): string {
  const namespace = Buffer.from("6ba7b8119dad11d180b400c04fd430c8", "hex");
  const bytes = createHash("sha1").update(namespace).update(content).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function buildCycloneDx(report: Report, ctx: ReportContext): Json {
  const providers = new Map(report.providers.map((provider) => [provider.id, provider]));
  const models = [...report.models].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const components = [...models.map((model) => modelComponent(model, providers, ctx.rootPrefix)), ...libraryComponents(report, ctx.rootPrefix)];
  const metadata = {
    ...(/^\d{4}-\d{2}-\d{2}$/.test(report.asOf) && { timestamp: `${report.asOf}T00:00:00Z` }),
    tools: {
      components: [{ type: "application", name: "modelrisk", version: report.tool.version, externalReferences: [{ type: "website", url: INFORMATION_URI }] }],
    },
    properties: propertiesOf([
      ["modelrisk:score", report.summary.score],
      ["modelrisk:level", report.summary.level],
      ["modelrisk:asOf", report.asOf],
      ["modelrisk:rulesVersion", report.tool.rulesVersion],
      ["modelrisk:findings", report.summary.findings],
      ["modelrisk:dynamicReferences", report.dynamic?.length ?? 0],
    ]),
  };
  const body = { metadata, components };
  return {
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    serialNumber: deterministicSerial(JSON.stringify(body)),
    version: 1,
    ...body,
  };
}

export const formatCycloneDx: Reporter = (report, ctx) => `${JSON.stringify(buildCycloneDx(report, ctx), null, 2)}\n`;
