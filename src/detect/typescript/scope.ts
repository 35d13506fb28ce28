import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";

/** What a name refers to, found by walking the syntax tree upwards (there is no binder here). */
export type Declaration =
  | { kind: "variable"; node: ts.VariableDeclaration }
  | { kind: "binding"; node: ts.BindingElement }
  | { kind: "parameter"; node: ts.ParameterDeclaration }
  | { kind: "import"; node: ts.Node; specifier: string; imported: string }
  | { kind: "other"; node: ts.Node };

/** The declaration of `name` visible from `from`, or undefined for globals and unknown names. */
export function findDeclaration(name: string, from: ts.Node): Declaration | undefined {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    const found = declarationIn(scope, name);
    if (found) return found;
  }
  return undefined;
}

function declarationIn(scope: ts.Node, name: string): Declaration | undefined {
  if (tsApi.isFunctionLike(scope)) {
    for (const param of scope.parameters) {
      if (tsApi.isIdentifier(param.name)) {
        if (param.name.text === name) return { kind: "parameter", node: param };
      } else {
        const element = findInPattern(param.name, name);
        if (element) return { kind: "binding", node: element };
      }
    }
    return undefined;
  }
  if (tsApi.isForOfStatement(scope) || tsApi.isForInStatement(scope) || tsApi.isForStatement(scope)) {
    const init = scope.initializer;
    return init && tsApi.isVariableDeclarationList(init) ? inDeclarationList(init, name) : undefined;
  }
  if (tsApi.isCatchClause(scope) && scope.variableDeclaration) {
    const decl = scope.variableDeclaration;
    return tsApi.isIdentifier(decl.name) && decl.name.text === name ? { kind: "other", node: decl } : undefined;
  }
  if (tsApi.isSourceFile(scope) || tsApi.isBlock(scope) || tsApi.isModuleBlock(scope) || tsApi.isCaseClause(scope) || tsApi.isDefaultClause(scope)) {
    for (const statement of scope.statements) {
      const found = declarationInStatement(statement, name);
      if (found) return found;
    }
  }
  return undefined;
}

function declarationInStatement(statement: ts.Statement, name: string): Declaration | undefined {
  if (tsApi.isVariableStatement(statement)) return inDeclarationList(statement.declarationList, name);
  if (tsApi.isImportDeclaration(statement)) return inImport(statement, name);
  if (
    (tsApi.isFunctionDeclaration(statement) || tsApi.isClassDeclaration(statement) || tsApi.isEnumDeclaration(statement)) &&
    statement.name?.text === name
  ) {
    return { kind: "other", node: statement };
  }
  return undefined;
}

function inDeclarationList(list: ts.VariableDeclarationList, name: string): Declaration | undefined {
  for (const decl of list.declarations) {
    if (tsApi.isIdentifier(decl.name)) {
      if (decl.name.text === name) return { kind: "variable", node: decl };
    } else {
      const element = findInPattern(decl.name, name);
      if (element) return { kind: "binding", node: element };
    }
  }
  return undefined;
}

function findInPattern(pattern: ts.BindingPattern, name: string): ts.BindingElement | undefined {
  for (const element of pattern.elements) {
    if (tsApi.isOmittedExpression(element)) continue;
    if (tsApi.isIdentifier(element.name)) {
      if (element.name.text === name) return element;
    } else {
      const nested = findInPattern(element.name, name);
      if (nested) return nested;
    }
  }
  return undefined;
}

function inImport(statement: ts.ImportDeclaration, name: string): Declaration | undefined {
  const clause = statement.importClause;
  if (!clause || !tsApi.isStringLiteral(statement.moduleSpecifier)) return undefined;
  const specifier = statement.moduleSpecifier.text;
  if (clause.name?.text === name) return { kind: "import", node: clause, specifier, imported: "default" };
  const bindings = clause.namedBindings;
  if (bindings && tsApi.isNamespaceImport(bindings) && bindings.name.text === name) {
    return { kind: "import", node: bindings, specifier, imported: "*" };
  }
  if (bindings && tsApi.isNamedImports(bindings)) {
    for (const element of bindings.elements) {
      if (element.name.text === name) {
        return { kind: "import", node: element, specifier, imported: (element.propertyName ?? element.name).text };
      }
    }
  }
  return undefined;
}

/** The property name a binding element reads (`{ model: m }` → model), when it is static. */
export function bindingPropertyName(element: ts.BindingElement): string | undefined {
  const key = element.propertyName ?? element.name;
  if (tsApi.isIdentifier(key) || tsApi.isStringLiteral(key)) return key.text;
  return undefined;
}

/** The package or path a `require("x")` call loads, if the call is one. */
export function requiredSpecifier(node: ts.Node): string | undefined {
  if (!tsApi.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const arg = node.arguments[0]!;
  const isRequire = tsApi.isIdentifier(node.expression) && node.expression.text === "require";
  const isImport = node.expression.kind === tsApi.SyntaxKind.ImportKeyword;
  return (isRequire || isImport) && tsApi.isStringLiteralLike(arg) ? arg.text : undefined;
}
