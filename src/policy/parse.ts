/** Parsing and validating policy text; loaded only when a policy file exists. */
import { LineCounter, parseDocument, isMap, isSeq } from "yaml";
import { z } from "zod";
import { LEVELS, RULE_IDS } from "../types.js";
import { PolicyError, type Policy, type Suppression } from "./load.js";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const names = z.array(z.string().min(1));

const policySchema = z.strictObject({
  failOn: z.enum(LEVELS).optional(),
  licenses: z.strictObject({ allow: names.optional(), deny: names.optional() }).optional(),
  providers: z.strictObject({ deny: names }).optional(),
  hosts: z.strictObject({ deny: names }).optional(),
  rules: z.partialRecord(z.enum(RULE_IDS), z.union([z.enum(LEVELS), z.literal("off")])).optional(),
  ignore: names.optional(),
  /** Rules folders (as `--rules DIR`), relative to the policy file. */
  overlays: names.optional(),
  suppressions: z
    .array(
      z.strictObject({
        rule: z.enum(RULE_IDS),
        model: z.string().min(1).optional(),
        path: z.string().min(1).optional(),
        reason: z.string().trim().min(1, "say why the finding is accepted"),
        expires: date.optional(),
      }),
    )
    .optional(),
});

/** Parses and validates policy text; `file` names it in errors and findings. */
export function parsePolicy(text: string, file: string): Policy {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const at = lines.linePos(error.pos[0]);
    throw new PolicyError(`${file}:${at.line}:${at.col}: ${error.message.split("\n")[0]}`);
  }
  const result = policySchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const message = result.error.issues
      .map((i) => `${i.path.length ? i.path.join(".") : "(top level)"}: ${i.message}`)
      .join("; ");
    throw new PolicyError(`${file}: ${message}`);
  }
  const data = result.data;
  const entries = doc.get("suppressions");
  const suppressions = (data.suppressions ?? []).map((s, i) => {
    const node = isSeq(entries) ? entries.items[i] : undefined;
    const offset = isMap(node) && node.range ? node.range[0] : 0;
    const pos = lines.linePos(offset);
    const out: Suppression = { rule: s.rule, reason: s.reason, line: pos.line, column: pos.col };
    if (s.model) out.model = s.model;
    if (s.path) out.path = s.path;
    if (s.expires) out.expires = s.expires;
    return out;
  });
  const policy: Policy = {
    file,
    licenses: { deny: data.licenses?.deny ?? [] },
    providers: { deny: data.providers?.deny ?? [] },
    hosts: { deny: data.hosts?.deny ?? [] },
    rules: data.rules ?? {},
    ignore: data.ignore ?? [],
    overlays: data.overlays ?? [],
    suppressions,
  };
  if (data.licenses?.allow) policy.licenses.allow = data.licenses.allow;
  if (data.failOn) policy.failOn = data.failOn;
  return policy;
}
