/**
 * Retirement feeds in the `model-eol/0.1` format (github.com/thossullivan/model-eol): a newer feed
 * dropped into `--feeds DIR` updates lifecycles without a release. Feeds are read leniently
 * (unknown keys pass) because the format is young; dates must still parse.
 */
import { z } from "zod";
import { dateSchema, formatIssues } from "./schema.js";
import type { ModelRule, ProviderRule } from "./types.js";
import type { ReadFile } from "./read.js";

const feedModelSchema = z.object({
  id: z.string().min(1),
  aliases: z.array(z.string().min(1)).optional(),
  announced: dateSchema.optional(),
  shutdown: dateSchema.optional(),
  date_precision: z.string().optional(),
  replacement: z.string().min(1).optional(),
  source: z.string().regex(/^https?:\/\//, "not a URL").optional(),
});

const feedSchema = z.object({
  spec: z.literal("model-eol/0.1", { error: "spec must be model-eol/0.1" }),
  publisher: z.string().min(1),
  source: z.string().regex(/^https?:\/\//, "not a URL"),
  models: z.array(feedModelSchema),
});

export type Feed = z.infer<typeof feedSchema> & { display: string };

/** Feed publishers whose provider id in providers.yaml differs from the publisher name. */
const PROVIDER_TERMS = "provider-terms";
const PUBLISHER_PROVIDER: Readonly<Record<string, string>> = { amazon: "amazon-bedrock" };

export function parseFeed(file: ReadFile): { feed?: Feed; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(file.text);
  } catch (error) {
    return { errors: [`${file.display}: not valid JSON: ${(error as Error).message.split("\n")[0]}`] };
  }
  const result = feedSchema.safeParse(raw);
  if (!result.success) return { errors: formatIssues(file.display, result.error) };
  return { feed: { ...result.data, display: file.display }, errors: [] };
}

/**
 * Merges a feed's lifecycle into the models it names, and adds API entries for ids of a known
 * provider the database lacks. With `isOverriding` (user feeds) feed dates replace what the rules
 * say; built-in feeds only fill gaps, so a fact-checked rules entry keeps its own dates.
 */
export function mergeFeed(
  feed: Feed, models: ModelRule[], providers: readonly ProviderRule[], licenses: ReadonlyMap<string, unknown>, isOverriding: boolean,
): void {
  const byId = new Map<string, ModelRule>();
  for (const model of models) for (const id of model.ids) byId.set(id, model);
  const providerId = PUBLISHER_PROVIDER[feed.publisher] ?? feed.publisher;
  const provider = providers.find((p) => p.id === providerId);
  const hasProviderTerms = licenses.has(PROVIDER_TERMS);

  for (const entry of feed.models) {
    const source = entry.source ?? feed.source;
    let model = byId.get(entry.id);
    if (!model) {
      if (!provider) continue;
      model = {
        id: entry.id, ids: [entry.id], provider: provider.id, kind: "api", hosts: [provider.host], mirrors: [],
        caseInsensitive: false, sources: [source], origin: feed.display,
      };
      // Feeds list first-party API models: closed weights under the provider's service terms.
      if (hasProviderTerms) model.license = PROVIDER_TERMS;
      models.push(model);
      byId.set(entry.id, model);
    }
    applyLifecycle(model, entry, source, isOverriding);
    for (const alias of entry.aliases ?? []) {
      const aliasModel = byId.get(alias);
      if (!aliasModel || aliasModel === model) continue;
      // The feed lists the alias under this snapshot: the alias floats and goes when the snapshot goes.
      aliasModel.floating ??= true;
      if (isOverriding || aliasModel.snapshot === undefined) aliasModel.snapshot = entry.id;
      applyLifecycle(aliasModel, entry, source, isOverriding);
    }
  }
}

function applyLifecycle(model: ModelRule, entry: z.infer<typeof feedModelSchema>, source: string, isOverriding: boolean): void {
  if (!entry.announced && !entry.shutdown && !entry.replacement) return;
  const lifecycle = model.lifecycle ?? { sources: [] };
  let isUsed = false;
  const take = <K extends "deprecated" | "retires" | "replacement">(key: K, value: string | undefined): void => {
    if (value === undefined) return;
    if (isOverriding || lifecycle[key] === undefined) lifecycle[key] = value;
    if (lifecycle[key] === value) isUsed = true;
  };
  take("deprecated", entry.announced);
  take("retires", entry.shutdown);
  take("replacement", entry.replacement);
  // Cite the feed only for what it contributed or confirms.
  if (isUsed && !lifecycle.sources.includes(source)) lifecycle.sources.push(source);
  if (entry.date_precision === "earliest" && entry.shutdown && !model.note) {
    model.note = "the shutdown date is the earliest possible one; the provider confirms the exact day later";
  }
  model.lifecycle = lifecycle;
}
