/**
 * JSON-schema validators for reporter tests: SARIF (OASIS, draft-04) and CycloneDX 1.6
 * (draft-07, the schemas shipped by @cyclonedx/cyclonedx-library).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import AjvModule from "ajv";
import Ajv04Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";

// These packages are CommonJS with `exports.default`; under NodeNext the default import is the module object.
const Ajv = AjvModule.default;
const Ajv04 = Ajv04Module.default;
const addFormats = addFormatsModule.default;

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

export interface Validator {
  (data: unknown): boolean;
  errorsText(): string;
}

function wrap(validate: ((data: unknown) => boolean) & { errors?: unknown }, errorsText: (errors: unknown) => string): Validator {
  const fn = ((data: unknown) => validate(data)) as Validator;
  fn.errorsText = () => errorsText(validate.errors);
  return fn;
}

export function createSarifValidator(): Validator {
  const ajv = new Ajv04({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(readJson(new URL("../data/sarif-schema-2.1.0.json", import.meta.url).pathname));
  return wrap(validate, (errors) => ajv.errorsText(errors as never));
}

export function createCycloneDxValidator(): Validator {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("@cyclonedx/cyclonedx-library/package.json"));
  const schemaDir = join(root, "res", "schema");
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // The BOM schema refers to these by file name, relative to its own $id.
  for (const name of ["spdx.SNAPSHOT.schema.json", "jsf-0.82.SNAPSHOT.schema.json"]) {
    const { $id: _ignored, ...schema } = readJson(join(schemaDir, name));
    ajv.addSchema(schema, `http://cyclonedx.org/schema/${name}`);
  }
  const validate = ajv.compile(readJson(join(schemaDir, "bom-1.6.SNAPSHOT.schema.json")));
  return wrap(validate, (errors) => ajv.errorsText(errors as never));
}
