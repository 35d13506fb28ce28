import type { ts } from "ts-morph";
import { tsApi } from "./ts.js";
import { findExport, resolveSpecifier, type ExportLookup } from "./imports.js";
import type { ModuleCache } from "./modules.js";
import { bindingPropertyName, findDeclaration, requiredSpecifier } from "./scope.js";

export type Value = { kind: "string"; value: string; node: ts.Node } | { kind: "dynamic"; node: ts.Node };

/** Deep enough for real constant chains, shallow enough that a cycle cannot hang the scan. */
const MAX_DEPTH = 16;
/** Template literals over multi-valued parts: more combinations than this are not enumerated. */
const MAX_COMBINATIONS = 16;
const ITERATING_METHODS = new Set(["map", "forEach", "flatMap", "filter", "find", "some", "every"]);

/**
 * Constant folding over the syntax tree. `follow` walks from an expression to the nodes it can
 * evaluate to (literals, object/array literals, modules, enums); anything it cannot read is
 * returned as itself, which the caller reports as a dynamic value.
 */
export class Resolver implements ExportLookup {
  constructor(readonly cache: ModuleCache) {}

  /** The string values `node` can take; unreadable parts become one dynamic value at their node. */
  strings(node: ts.Node, depth = 0): Value[] {
    const out: Value[] = [];
    for (const t of this.follow(node, depth)) {
      if (tsApi.isStringLiteralLike(t)) out.push({ kind: "string", value: t.text, node: t });
      else if (tsApi.isTemplateExpression(t) || isConcatenation(t)) out.push(...this.fold(t, depth));
      else if (!isNothing(t)) out.push({ kind: "dynamic", node: t });
    }
    return out;
  }

  follow(node: ts.Node, depth = 0): ts.Node[] {
    if (depth > MAX_DEPTH) return [node];
    const expr = unwrap(node);
    const next = depth + 1;
    if (tsApi.isIdentifier(expr)) return this.followIdentifier(expr, next);
    if (tsApi.isPropertyAccessExpression(expr)) {
      if (isEnvAccess(expr)) return [expr];
      if (expr.expression.kind === tsApi.SyntaxKind.ThisKeyword) return this.followThis(expr, expr.name.text, next);
      return this.followMember(expr, expr.expression, expr.name.text, next);
    }
    if (tsApi.isElementAccessExpression(expr)) {
      const key = unwrap(expr.argumentExpression);
      const name = tsApi.isStringLiteralLike(key) || tsApi.isNumericLiteral(key) ? key.text : undefined;
      return name === undefined ? [expr] : this.followMember(expr, expr.expression, name, next);
    }
    if (tsApi.isConditionalExpression(expr)) return [...this.follow(expr.whenTrue, next), ...this.follow(expr.whenFalse, next)];
    if (tsApi.isBinaryExpression(expr)) return this.followBinary(expr, next);
    if (tsApi.isAwaitExpression(expr)) return this.follow(expr.expression, next);
    const required = requiredSpecifier(expr);
    if (required !== undefined) {
      const mod = resolveSpecifier(this.cache, this.cache.of(expr).path, required);
      return [mod ? mod.sf : expr];
    }
    return [expr];
  }

  /** Unfollowed expressions stored under `name` in what `node` evaluates to. */
  property(node: ts.Node, name: string, depth = 0): ts.Node[] {
    return this.follow(node, depth).flatMap((t) => this.propertyOf(t, name, depth + 1).found);
  }

  /** Like `property`, and whether some operand could not be read (a parameter, a spread of one). */
  propertyOf(t: ts.Node, name: string, depth: number): { found: ts.Node[]; opaque: boolean } {
    if (depth > MAX_DEPTH) return { found: [], opaque: true };
    if (tsApi.isObjectLiteralExpression(t)) return this.objectProperty(t, name, depth);
    if (tsApi.isSourceFile(t)) return { found: findExport(this, this.cache.of(t), name, depth), opaque: false };
    if (tsApi.isEnumDeclaration(t)) {
      const member = t.members.find((m) => memberName(m.name) === name);
      return { found: member?.initializer ? [member.initializer] : [], opaque: false };
    }
    if (tsApi.isClassDeclaration(t)) {
      const member = t.members.find((m) => tsApi.isPropertyDeclaration(m) && memberName(m.name) === name);
      return { found: member && tsApi.isPropertyDeclaration(member) && member.initializer ? [member.initializer] : [], opaque: false };
    }
    if (tsApi.isArrayLiteralExpression(t) && /^\d+$/.test(name)) {
      const element = t.elements[Number(name)];
      return { found: element && !tsApi.isSpreadElement(element) ? [element] : [], opaque: false };
    }
    return { found: [], opaque: !isNothing(t) };
  }

  /** Elements of the arrays (or values of the objects, via `Object.values`) `node` evaluates to. */
  elements(node: ts.Node, depth: number): ts.Node[] {
    const expr = unwrap(node);
    if (tsApi.isCallExpression(expr) && expr.expression.getText() === "Object.values" && expr.arguments[0]) {
      return this.follow(expr.arguments[0], depth + 1).flatMap((t) =>
        tsApi.isObjectLiteralExpression(t)
          ? t.properties.flatMap((p) => (tsApi.isPropertyAssignment(p) ? [p.initializer] : tsApi.isShorthandPropertyAssignment(p) ? [p.name] : []))
          : [],
      );
    }
    return this.follow(expr, depth + 1).flatMap((t) =>
      tsApi.isArrayLiteralExpression(t)
        ? t.elements.flatMap((e) => (tsApi.isSpreadElement(e) ? this.elements(e.expression, depth + 1) : [e]))
        : [],
    );
  }

  private objectProperty(obj: ts.ObjectLiteralExpression, name: string, depth: number) {
    let opaque = false;
    // Later properties override earlier ones, spreads included.
    for (const prop of [...obj.properties].reverse()) {
      if (tsApi.isSpreadAssignment(prop)) {
        for (const t of this.follow(prop.expression, depth)) {
          const inner = this.propertyOf(t, name, depth + 1);
          if (inner.found.length > 0) return { found: inner.found, opaque: false };
          opaque ||= inner.opaque;
        }
      } else if (prop.name && memberName(prop.name) === name) {
        if (tsApi.isPropertyAssignment(prop)) return { found: [prop.initializer], opaque: false };
        if (tsApi.isShorthandPropertyAssignment(prop)) return { found: [prop.name], opaque: false };
        return { found: [], opaque: true };
      }
    }
    return { found: [], opaque };
  }

  private followIdentifier(id: ts.Identifier, depth: number): ts.Node[] {
    if (id.text === "undefined") return [];
    const decl = findDeclaration(id.text, id);
    if (!decl) return [id];
    switch (decl.kind) {
      case "variable": {
        const loop = decl.node.parent.parent;
        if (tsApi.isForOfStatement(loop)) return orSelf(this.elements(loop.expression, depth).flatMap((e) => this.follow(e, depth)), id);
        return decl.node.initializer ? this.follow(decl.node.initializer, depth) : [id];
      }
      case "parameter": {
        const fromDefault = decl.node.initializer ? this.follow(decl.node.initializer, depth) : [];
        const fromIteration = this.iteratedValues(decl.node, depth);
        return orSelf([...fromIteration, ...fromDefault], id);
      }
      case "binding":
        return this.followBinding(decl.node, id, depth);
      case "import": {
        const mod = resolveSpecifier(this.cache, this.cache.of(id).path, decl.specifier);
        if (!mod) return [id];
        if (decl.imported === "*") return [mod.sf];
        return orSelf(findExport(this, mod, decl.imported, depth).flatMap((n) => this.follow(n, depth)), id);
      }
      default:
        return tsApi.isEnumDeclaration(decl.node) || tsApi.isClassDeclaration(decl.node) ? [decl.node] : [id];
    }
  }

  /** `const { model = "x" } = cfg`, `function f({ model = "x" })`, `const { A } = require("./m")`. */
  private followBinding(element: ts.BindingElement, id: ts.Identifier, depth: number): ts.Node[] {
    const pattern = element.parent;
    const owner = pattern.parent;
    const name = bindingPropertyName(element);
    const source = (tsApi.isVariableDeclaration(owner) || tsApi.isParameter(owner)) && tsApi.isObjectBindingPattern(pattern) ? owner.initializer : undefined;
    const found = source && name !== undefined ? this.property(source, name, depth) : [];
    if (found.length > 0) return found.flatMap((n) => this.follow(n, depth));
    return element.initializer ? this.follow(element.initializer, depth) : [id];
  }

  /** `models.map((m) => …)` and friends: the callback's first parameter takes the array's elements. */
  private iteratedValues(param: ts.ParameterDeclaration, depth: number): ts.Node[] {
    const fn = param.parent;
    const call = fn.parent;
    if (fn.parameters[0] !== param || !tsApi.isCallExpression(call) || !tsApi.isPropertyAccessExpression(call.expression)) return [];
    if (!ITERATING_METHODS.has(call.expression.name.text)) return [];
    return this.elements(call.expression.expression, depth).flatMap((e) => this.follow(e, depth));
  }

  private followMember(expr: ts.Expression, object: ts.Expression, name: string, depth: number): ts.Node[] {
    const out: ts.Node[] = [];
    let opaque = false;
    for (const t of this.follow(object, depth)) {
      const inner = this.propertyOf(t, name, depth);
      out.push(...inner.found.flatMap((n) => this.follow(n, depth)));
      opaque ||= inner.opaque;
    }
    return opaque && out.length === 0 ? [expr] : out;
  }

  /** `this.model`: a class field initializer, a constructor parameter property or assignment. */
  private followThis(expr: ts.PropertyAccessExpression, name: string, depth: number): ts.Node[] {
    let cls: ts.Node | undefined = expr.parent;
    while (cls && !tsApi.isClassLike(cls)) cls = cls.parent;
    if (!cls || !tsApi.isClassLike(cls)) return [expr];
    const sources: ts.Node[] = [];
    for (const member of cls.members) {
      if (tsApi.isPropertyDeclaration(member) && memberName(member.name) === name && member.initializer) sources.push(member.initializer);
      if (!tsApi.isConstructorDeclaration(member)) continue;
      for (const p of member.parameters) {
        if (tsApi.isIdentifier(p.name) && p.name.text === name && p.initializer) sources.push(p.initializer);
        if (tsApi.isIdentifier(p.name) && p.name.text === name && !p.initializer && p.modifiers?.length) return [expr];
      }
      for (const s of member.body?.statements ?? []) {
        if (tsApi.isExpressionStatement(s) && tsApi.isBinaryExpression(s.expression) && s.expression.operatorToken.kind === tsApi.SyntaxKind.EqualsToken && s.expression.left.getText() === `this.${name}`) {
          sources.push(s.expression.right);
        }
      }
    }
    return orSelf(sources.flatMap((n) => this.follow(n, depth)), expr);
  }

  private followBinary(expr: ts.BinaryExpression, depth: number): ts.Node[] {
    const op = expr.operatorToken.kind;
    if (op === tsApi.SyntaxKind.QuestionQuestionToken || op === tsApi.SyntaxKind.BarBarToken) {
      const both = [...this.follow(expr.left, depth), ...this.follow(expr.right, depth)];
      // `process.env.MODEL ?? "gpt-4o-mini"`: the fallback literal is what the code names.
      const readable = both.filter((n) => !isOpaque(n));
      return readable.length > 0 ? readable : both;
    }
    if (op === tsApi.SyntaxKind.AmpersandAmpersandToken || op === tsApi.SyntaxKind.CommaToken) return this.follow(expr.right, depth);
    return [expr];
  }

  private fold(t: ts.Node, depth: number): Value[] {
    if (depth > MAX_DEPTH) return [{ kind: "dynamic", node: t }];
    const parts: ts.Node[] = tsApi.isTemplateExpression(t)
      ? [t.head, ...t.templateSpans.flatMap((s) => [s.expression, s.literal])]
      : [(t as ts.BinaryExpression).left, (t as ts.BinaryExpression).right];
    let combos = [""];
    for (const part of parts) {
      const values = tsApi.isTemplateLiteralToken(part) ? [{ kind: "string" as const, value: part.text, node: part }] : this.strings(part, depth + 1);
      if (values.length === 0 || values.some((v) => v.kind === "dynamic")) return [{ kind: "dynamic", node: t }];
      combos = combos.flatMap((c) => values.map((v) => c + (v.kind === "string" ? v.value : "")));
      if (combos.length > MAX_COMBINATIONS) return [{ kind: "dynamic", node: t }];
    }
    return [...new Set(combos)].map((value) => ({ kind: "string", value, node: t }));
  }
}

export function unwrap(node: ts.Node): ts.Node {
  let n = node;
  while (tsApi.isParenthesizedExpression(n) || tsApi.isAsExpression(n) || tsApi.isSatisfiesExpression(n) || tsApi.isNonNullExpression(n) || tsApi.isTypeAssertionExpression(n)) {
    n = n.expression;
  }
  return n;
}

function memberName(name: ts.Node): string | undefined {
  return tsApi.isIdentifier(name) || tsApi.isStringLiteralLike(name) || tsApi.isNumericLiteral(name) || tsApi.isPrivateIdentifier(name) ? name.text : undefined;
}

function isEnvAccess(expr: ts.PropertyAccessExpression): boolean {
  const text = expr.expression.getText();
  return text === "process.env" || text === "import.meta.env" || text === "Deno.env";
}

function isConcatenation(node: ts.Node): node is ts.BinaryExpression {
  return tsApi.isBinaryExpression(node) && node.operatorToken.kind === tsApi.SyntaxKind.PlusToken;
}

/** `undefined`, `null` and missing values name no model and are not dynamic either. */
function isNothing(node: ts.Node): boolean {
  return node.kind === tsApi.SyntaxKind.NullKeyword || (tsApi.isIdentifier(node) && node.text === "undefined") || tsApi.isNumericLiteral(node);
}

function isOpaque(node: ts.Node): boolean {
  return !(
    tsApi.isStringLiteralLike(node) || tsApi.isTemplateExpression(node) || isConcatenation(node) || tsApi.isObjectLiteralExpression(node) ||
    tsApi.isArrayLiteralExpression(node) || tsApi.isSourceFile(node) || tsApi.isEnumDeclaration(node) || tsApi.isClassDeclaration(node)
  );
}

function orSelf(nodes: ts.Node[], self: ts.Node): ts.Node[] {
  return nodes.length > 0 ? nodes : [self];
}
