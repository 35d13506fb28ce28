import { ts } from "ts-morph";

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
  if (ts.isFunctionLike(scope)) {
    for (const param of scope.parameters) {
      if (ts.isIdentifier(param.name)) {
        if (param.name.text === name) return { kind: "parameter", node: param };
      } else {
        const element = findInPattern(param.name, name);
        if (element) return { kind: "binding", node: element };
      }
    }
    return undefined;
  }
  if (ts.isForOfStatement(scope) || ts.isForInStatement(scope) || ts.isForStatement(scope)) {
    const init = scope.initializer;
    return init && ts.isVariableDeclarationList(init) ? inDeclarationList(init, name) : undefined;
  }
  if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    const decl = scope.variableDeclaration;
    return ts.isIdentifier(decl.name) && decl.name.text === name ? { kind: "other", node: decl } : undefined;
  }
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope)) {
    for (const statement of scope.statements) {
      const found = declarationInStatement(statement, name);
      if (found) return found;
    }
  }
  return undefined;
}

function declarationInStatement(statement: ts.Statement, name: string): Declaration | undefined {
  if (ts.isVariableStatement(statement)) return inDeclarationList(statement.declarationList, name);
  if (ts.isImportDeclaration(statement)) return inImport(statement, name);
  if (
    (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
    statement.name?.text === name
  ) {
    return { kind: "other", node: statement };
  }
  return undefined;
}

function inDeclarationList(list: ts.VariableDeclarationList, name: string): Declaration | undefined {
  for (const decl of list.declarations) {
    if (ts.isIdentifier(decl.name)) {
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
    if (ts.isOmittedExpression(element)) continue;
    if (ts.isIdentifier(element.name)) {
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
  if (!clause || !ts.isStringLiteral(statement.moduleSpecifier)) return undefined;
  const specifier = statement.moduleSpecifier.text;
  if (clause.name?.text === name) return { kind: "import", node: clause, specifier, imported: "default" };
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) {
    return { kind: "import", node: bindings, specifier, imported: "*" };
  }
  if (bindings && ts.isNamedImports(bindings)) {
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
  if (ts.isIdentifier(key) || ts.isStringLiteral(key)) return key.text;
  return undefined;
}

/** The package or path a `require("x")` call loads, if the call is one. */
export function requiredSpecifier(node: ts.Node): string | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const arg = node.arguments[0]!;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === "require";
  const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  return (isRequire || isImport) && ts.isStringLiteralLike(arg) ? arg.text : undefined;
}
