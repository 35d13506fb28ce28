/**
 * One pass over the tree that records what each name is bound to, per scope (module, function, class),
 * plus `self.x = …` attributes per class and argparse defaults per destination. Nothing is evaluated here.
 */
import type { SyntaxNode, Tree } from "@lezer/common";
import { childrenOf, calleePath, readArgs, textOf } from "./syntax.js";
import { splitStringLiteral } from "./positions.js";

export type Binding =
  | { kind: "assign"; at: number; value: SyntaxNode; scope: Scope }
  | { kind: "param"; at: number; name: string; value?: SyntaxNode; scope: Scope }
  | { kind: "import"; at: number; module: string; scope: Scope };

export interface Scope {
  kind: "module" | "function" | "class";
  node: SyntaxNode;
  parent?: Scope;
  bindings: Map<string, Binding[]>;
  /** Class scopes only: class-level names and `self.x = …` from its methods. */
  attributes: Map<string, Binding[]>;
}

export interface ArgparseDefault {
  value: SyntaxNode;
  scope: Scope;
}

export interface FileScopes {
  module: Scope;
  /** The innermost scope of each function/class node, by node start offset. */
  byNode: Map<number, Scope>;
  argparse: Map<string, ArgparseDefault>;
}

export function collectScopes(tree: Tree, text: string): FileScopes {
  const module = newScope("module", tree.topNode);
  const byNode = new Map<number, Scope>([[tree.topNode.from, module]]);
  const argparse = new Map<string, ArgparseDefault>();

  const add = (map: Map<string, Binding[]>, name: string, binding: Binding) => {
    const list = map.get(name) ?? [];
    list.push(binding);
    map.set(name, list);
  };

  const visit = (node: SyntaxNode, scope: Scope): void => {
    switch (node.name) {
      case "FunctionDefinition":
      case "ClassDefinition": {
        const name = node.getChild("VariableName");
        if (name) add(scope.bindings, textOf(name, text), { kind: "assign", at: node.from, value: node, scope });
        const inner = newScope(node.name === "ClassDefinition" ? "class" : "function", node, scope);
        byNode.set(node.from, inner);
        const params = node.getChild("ParamList");
        if (params) readParams(params, inner);
        for (const kid of childrenOf(node)) if (kid.name !== "ParamList") visit(kid, inner);
        return;
      }
      case "AssignStatement":
        readAssignment(node, scope);
        break;
      case "ImportStatement":
        readImport(node, scope);
        return;
      case "CallExpression":
        readArgparse(node, scope);
        break;
    }
    for (const kid of childrenOf(node)) visit(kid, scope);
  };

  const readParams = (params: SyntaxNode, scope: Scope) => {
    const kids = childrenOf(params);
    for (let i = 0; i < kids.length; i++) {
      const kid = kids[i]!;
      if (kid.name !== "VariableName") continue;
      let j = i + 1;
      if (kids[j]?.name === "TypeDef") j++;
      const value = kids[j]?.name === "AssignOp" ? kids[j + 1] : undefined;
      // Defaults are evaluated in the enclosing scope, as Python does.
      const name = textOf(kid, text);
      add(scope.bindings, name, { kind: "param", at: kid.from, name, value, scope: scope.parent ?? scope });
    }
  };

  const readAssignment = (node: SyntaxNode, scope: Scope) => {
    const kids = childrenOf(node);
    const value = kids[kids.length - 1];
    if (!value || kids.length < 3) return;
    for (let i = 0; i < kids.length - 1; i++) {
      const target = kids[i]!;
      if (kids[i + 1]?.name !== "AssignOp" && kids[i + 1]?.name !== "TypeDef") continue;
      if (target.name === "VariableName") {
        const binding: Binding = { kind: "assign", at: node.from, value, scope };
        add(scope.kind === "class" ? scope.attributes : scope.bindings, textOf(target, text), binding);
        if (scope.kind === "class") add(scope.bindings, textOf(target, text), binding);
      } else if (target.name === "MemberExpression") {
        const path = calleePath(target, text);
        const owner = scope.kind === "function" && scope.parent?.kind === "class" ? scope.parent : undefined;
        if (owner && path.length === 2 && path[0] === "self") {
          add(owner.attributes, path[1]!, { kind: "assign", at: node.from, value, scope });
        }
      }
    }
  };

  const readImport = (node: SyntaxNode, scope: Scope) => {
    const kids = childrenOf(node);
    const isFrom = kids[0]?.name === "from";
    let i = 1;
    let base = "";
    if (isFrom) {
      const parts: string[] = [];
      for (; i < kids.length && kids[i]!.name !== "import"; i++) parts.push(textOf(kids[i]!, text));
      base = parts.join("");
      i++;
    }
    // Names, dots and `as` aliases follow; group them by commas.
    let dotted: string[] = [];
    let alias: string | undefined;
    const flush = () => {
      if (dotted.length === 0) return;
      const full = isFrom ? `${base}.${dotted.join(".")}` : dotted.join(".");
      const local = alias ?? (isFrom ? dotted[dotted.length - 1]! : dotted[0]!);
      const module = alias || isFrom ? full : dotted[0]!;
      add(scope.bindings, local, { kind: "import", at: node.from, module, scope });
      dotted = [];
      alias = undefined;
    };
    for (; i < kids.length; i++) {
      const kid = kids[i]!;
      if (kid.name === ",") flush();
      else if (kid.name === "as") alias = kids[++i] ? textOf(kids[i]!, text) : undefined;
      else if (kid.name === "VariableName") dotted.push(textOf(kid, text));
    }
    flush();
  };

  const readArgparse = (node: SyntaxNode, scope: Scope) => {
    const callee = node.firstChild;
    const argList = node.getChild("ArgList");
    if (!callee || !argList || calleePath(callee, text).at(-1) !== "add_argument") return;
    const args = readArgs(argList, text);
    const value = args.keywords.get("default");
    if (!value) return;
    const flags = args.positional.flatMap((p) => (p.name === "String" ? [literalContent(p, text)] : []));
    const destNode = args.keywords.get("dest");
    const dest = destNode?.name === "String" ? literalContent(destNode, text) : argparseDest(flags);
    if (dest) argparse.set(dest, { value, scope });
  };

  visit(tree.topNode, module);
  return { module, byNode, argparse };
}

function newScope(kind: Scope["kind"], node: SyntaxNode, parent?: Scope): Scope {
  return { kind, node, parent, bindings: new Map(), attributes: new Map() };
}

/** argparse's own rule: the first long option, else the first option, dashes become underscores. */
export function argparseDest(flags: string[]): string | undefined {
  const chosen = flags.find((f) => f.startsWith("--")) ?? flags[0];
  return chosen?.replace(/^-+/, "").replace(/-/g, "_") || undefined;
}

export function literalContent(node: SyntaxNode, text: string): string {
  const parts = splitStringLiteral(textOf(node, text), node.from);
  return parts ? text.slice(parts.contentFrom, parts.contentTo) : "";
}

/** The innermost function or class scope that contains `node`. */
export function scopeOf(node: SyntaxNode, scopes: FileScopes): Scope {
  for (let p = node.parent; p; p = p.parent) {
    if (p.name === "FunctionDefinition" || p.name === "ClassDefinition") {
      // A default value or decorator belongs to the enclosing scope, not the function's own.
      const body = p.getChild("Body");
      if (body && node.from >= body.from) return scopes.byNode.get(p.from) ?? scopes.module;
    }
  }
  return scopes.module;
}
