/**
 * The shape of a rules file, one zod schema per entry kind. A file may hold any of the top-level
 * keys, so a user overlay can add a model and its licence side by side. Validation only: the
 * loader turns these into the strict types of ./types.ts.
 */
import { z } from "zod";
import { FACTORS, LEVELS, LICENSE_CLASSES, RULE_IDS } from "../types.js";

const isRealDate = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

export const dateSchema = z
  .string({ error: "not a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "not a date", abort: true })
  .refine(isRealDate, "not a date");
const urlSchema = z.string({ error: "not a URL" }).regex(/^https?:\/\/[^\s]+$/, "not a URL");
const sourcesSchema = z.array(urlSchema).min(1, "needs at least one source URL");
const nameSchema = z.string().min(1, "must not be empty");
const idSchema = z.string().regex(/^[^\s]+$/, "must be a non-empty id without spaces");

const mirrorSchema = z.strictObject({ url: urlSchema, official: z.boolean() });

export const providerSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  apiHosts: z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?$/, "must be a lower-case host name")).default([]),
  sdks: z.strictObject({ npm: z.array(nameSchema).default([]), pypi: z.array(nameSchema).default([]) }).default({ npm: [], pypi: [] }),
  envVars: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, "must be an upper-case env var name")).default([]),
  host: nameSchema,
  /** Routing prefixes other tools put before this provider's model ids (`openai/`, `anthropic.`). */
  prefixes: z.array(nameSchema).default([]),
  sources: sourcesSchema,
});

export const modelSchema = z.strictObject({
  id: idSchema,
  aliases: z.array(idSchema).default([]),
  pattern: z.string().optional(),
  /** Higher wins among matching patterns; ties go to the longer pattern source. */
  priority: z.number().int().default(0),
  provider: idSchema,
  kind: z.enum(["api", "weights", "local"]),
  family: nameSchema.optional(),
  license: idSchema.optional(),
  hosts: z.array(nameSchema).default([]),
  mirrors: z.array(mirrorSchema).default([]),
  deprecated: dateSchema.optional(),
  retires: dateSchema.optional(),
  replacement: idSchema.optional(),
  lifecycleSources: z.array(urlSchema).default([]),
  snapshot: idSchema.optional(),
  floating: z.boolean().optional(),
  caseInsensitive: z.boolean().optional(),
  note: nameSchema.optional(),
  sources: sourcesSchema,
});

export const licenseSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  spdx: nameSchema.optional(),
  class: z.enum(LICENSE_CLASSES),
  terms: z.strictObject({
    commercialUse: z.enum(["yes", "no", "conditional", "unknown"]),
    userCap: z.number().int().positive().optional(),
    revenueCap: z.number().int().positive().optional(),
    attribution: z.boolean().optional(),
    acceptableUsePolicy: z.boolean().optional(),
    outputTrainingBan: z.boolean().optional(),
  }),
  summary: nameSchema,
  url: urlSchema.optional(),
  sources: sourcesSchema,
});

export const incidentSchema = z.strictObject({
  id: idSchema,
  date: dateSchema,
  /** How exact `date` is: some cases are only known to the month. */
  datePrecision: z.enum(["day", "month"]).default("day"),
  host: idSchema,
  kind: z.enum(["takedown", "deletion", "org-suspension", "withdrawal", "dmca", "gating", "license-change"]),
  subjects: z.array(z.string()).min(1, "needs at least one subject pattern"),
  summary: nameSchema,
  restored: z.union([z.boolean(), z.literal("unknown")]),
  mirrors: z.array(mirrorSchema).default([]),
  sources: sourcesSchema,
});

export const hostSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  kind: z.enum(["hub", "api", "registry", "code"]),
  sources: sourcesSchema,
});

export const findingSchema = z.strictObject({
  id: z.enum(RULE_IDS),
  name: z.string().regex(/^[A-Z][A-Za-z0-9]+$/, "must be PascalCase"),
  summary: nameSchema,
  why: nameSchema,
  fix: nameSchema,
  level: z.enum(LEVELS),
  helpUri: urlSchema,
  example: nameSchema.optional(),
});

const weight = z.number().min(0).max(1);
const threshold = z.number().min(0).max(100);
export const scoringSchema = z.strictObject({
  weights: z.strictObject(Object.fromEntries(FACTORS.map((f) => [f, weight.optional()])) as Record<(typeof FACTORS)[number], z.ZodOptional<typeof weight>>),
  levels: z.strictObject({ low: threshold.optional(), medium: threshold.optional(), high: threshold.optional(), critical: threshold.optional() }),
  /** Further knobs of the risk engine, each documented where it is set. */
  params: z.record(z.string(), z.strictObject({ value: z.union([z.number(), z.string(), z.boolean()]), doc: nameSchema })).default({}),
}).partial();

/** Keys every model entry of the file shares unless the entry sets them (generated files use it). */
export const modelDefaultsSchema = z.strictObject({
  provider: idSchema.optional(),
  kind: z.enum(["api", "weights", "local"]).optional(),
  license: idSchema.optional(),
  sources: sourcesSchema.optional(),
});

export const rulesFileSchema = z.strictObject({
  modelDefaults: modelDefaultsSchema.optional(),
  providers: z.array(providerSchema).optional(),
  models: z.array(modelSchema).optional(),
  licenses: z.array(licenseSchema).optional(),
  incidents: z.array(incidentSchema).optional(),
  hosts: z.array(hostSchema).optional(),
  findings: z.array(findingSchema).optional(),
  scoring: scoringSchema.optional(),
});

export type RulesFile = z.infer<typeof rulesFileSchema>;
export type ProviderEntry = z.infer<typeof providerSchema>;
export type ModelEntry = z.infer<typeof modelSchema>;
export type IncidentEntry = z.infer<typeof incidentSchema>;
export type ScoringEntry = z.infer<typeof scoringSchema>;

/** `["models", 12, "retires"]` → `models[12].retires`, the way the user finds the entry. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/** One line per problem, `file: path: message`. */
export function formatIssues(file: string, error: z.ZodError): string[] {
  const lines = error.issues.map((issue) => {
    const path = formatIssuePath(issue.path);
    const message = issue.code === "unrecognized_keys" ? `unknown key ${issue.keys.join(", ")}` : issue.message;
    return path ? `${file}: ${path}: ${message}` : `${file}: ${message}`;
  });
  return [...new Set(lines)];
}
