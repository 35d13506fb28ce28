import { posix } from "node:path";
import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import { EXTENSIONS, type Module, type ModuleCache } from "./modules.js";

/** `.js` in an import of TypeScript source names the `.ts` file that compiles to it (NodeNext style). */
const SOURCE_FOR: Record<string, readonly string[]> = {
  ".js": [".ts", ".tsx"],
  ".jsx": [".tsx"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};

/** The project file a relative import points to; packages and paths leaving the root give undefined. */
export function resolveSpecifier(cache: ModuleCache, fromPath: string, specifier: string): Module | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../") && specifier !== "." && specifier !== "..") {
    return undefined;
  }
  const target = posix.normalize(posix.join(posix.dirname(fromPath), specifier));
  if (target.startsWith("../") || target === "..") return undefined;
  const ext = posix.extname(target);
  const base = target.slice(0, target.length - ext.length);
  const candidates = [
    target,
    ...(SOURCE_FOR[ext] ?? []).map((e) => base + e),
    ...EXTENSIONS.map((e) => target + e),
    ...EXTENSIONS.map((e) => `${target}/index${e}`),
  ];
  const found = candidates.find((c) => cache.has(c));
  return found ? cache.get(found) : undefined;
}

export interface ExportLookup {
  cache: ModuleCache;
  /** Expressions found under `name` in whatever `node` evaluates to (for `module.exports = {…}`). */
  property(node: ts.Expression, name: string, depth: number): ts.Node[];
}

/**
 * The nodes an export of `mod` named `name` ("default" for the default export) evaluates from:
 * an initializer, a local identifier to follow, a declaration, or a whole module (`export * as`).
 */
export function findExport(lookup: ExportLookup, mod: Module, name: string, depth: number): ts.Node[] {
  if (depth > 8) return [];
  for (const statement of mod.sf.statements) {
    const found = exportIn(lookup, mod, statement, name, depth);
    if (found.length > 0) return found;
  }
  // `export * from` comes last: a local export of the same name shadows it.
  for (const statement of mod.sf.statements) {
    if (tsApi.isExportDeclaration(statement) && !statement.exportClause && name !== "default") {
      const target = reexported(lookup, mod, statement);
      const found = target ? findExport(lookup, target, name, depth + 1) : [];
      if (found.length > 0) return found;
    }
  }
  return [];
}

function exportIn(lookup: ExportLookup, mod: Module, statement: ts.Statement, name: string, depth: number): ts.Node[] {
  const modifiers = tsApi.canHaveModifiers(statement) ? tsApi.getModifiers(statement) : undefined;
  const isExported = modifiers?.some((m) => m.kind === tsApi.SyntaxKind.ExportKeyword) ?? false;
  const isDefault = modifiers?.some((m) => m.kind === tsApi.SyntaxKind.DefaultKeyword) ?? false;
  if (isExported && tsApi.isVariableStatement(statement)) {
    for (const decl of statement.declarationList.declarations) {
      if (tsApi.isIdentifier(decl.name) && decl.name.text === name && decl.initializer) return [decl.initializer];
    }
  }
  if (isExported && (tsApi.isFunctionDeclaration(statement) || tsApi.isClassDeclaration(statement) || tsApi.isEnumDeclaration(statement))) {
    if (isDefault ? name === "default" : statement.name?.text === name) return [statement];
  }
  if (tsApi.isExportAssignment(statement) && name === "default") return [statement.expression];
  if (tsApi.isExportDeclaration(statement) && statement.exportClause) {
    const clause = statement.exportClause;
    if (tsApi.isNamespaceExport(clause)) {
      const target = clause.name.text === name ? reexported(lookup, mod, statement) : undefined;
      return target ? [target.sf] : [];
    }
    for (const element of clause.elements) {
      if (element.name.text !== name) continue;
      const local = element.propertyName ?? element.name;
      if (!statement.moduleSpecifier) return [local];
      const target = reexported(lookup, mod, statement);
      return target && tsApi.isIdentifier(local) ? findExport(lookup, target, local.text, depth + 1) : [];
    }
  }
  if (tsApi.isExpressionStatement(statement)) return commonJsExport(lookup, statement.expression, name, depth);
  return [];
}

/** `module.exports = {…}`, `module.exports.X = …` and `exports.X = …`. */
function commonJsExport(lookup: ExportLookup, expr: ts.Expression, name: string, depth: number): ts.Node[] {
  if (!tsApi.isBinaryExpression(expr) || expr.operatorToken.kind !== tsApi.SyntaxKind.EqualsToken) return [];
  const target = expr.left.getText();
  if (target === "module.exports") {
    return name === "default" ? [expr.right] : lookup.property(expr.right, name, depth + 1);
  }
  if (target === `module.exports.${name}` || target === `exports.${name}`) return [expr.right];
  return [];
}

function reexported(lookup: ExportLookup, mod: Module, statement: ts.ExportDeclaration): Module | undefined {
  const spec = statement.moduleSpecifier;
  return spec && tsApi.isStringLiteral(spec) ? resolveSpecifier(lookup.cache, mod.path, spec.text) : undefined;
}
