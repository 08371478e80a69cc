/**
 * Walks the public API of edusign-vn (the names exported by `src/index.ts`) with the TypeScript compiler API and
 * reports, for every exported function, whether it carries a TSDoc comment with an `@example` tag, and which exported
 * names or public class members have no TSDoc at all.
 *
 * Used by `test/docs/tsdoc.test.ts`.
 * @module
 */
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One exported function of the public API and the state of its TSDoc. */
export interface PublicFunctionDoc {
  /** The exported name (as a consumer imports it). */
  readonly name: string;
  /** Source file of the declaration, relative to the repository root, `/`-separated. */
  readonly file: string;
  /** True when the declaration has a `/** … *\/` comment. */
  readonly hasDoc: boolean;
  /** True when that comment has a non-empty `@example` tag. */
  readonly hasExample: boolean;
}

/** Function-like declarations: `function f()`, `const f = () => …`, `const f = function () {…}`. */
function functionDeclarations(symbol: ts.Symbol): ts.Declaration[] {
  const out: ts.Declaration[] = [];
  for (const decl of symbol.declarations ?? []) {
    if (ts.isFunctionDeclaration(decl)) out.push(decl);
    else if (ts.isVariableDeclaration(decl) && decl.initializer) {
      let init: ts.Expression = decl.initializer;
      while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init)) init = init.expression;
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) out.push(decl);
    }
  }
  return out;
}

/** An `@example` tag with some text after it. */
function isNonEmptyExample(tag: ts.JSDocTag): boolean {
  return tag.tagName.text === 'example' && (ts.getTextOfJSDocComment(tag.comment) ?? '').trim().length > 0;
}

/** The JSDoc nodes attached to a declaration (for a `const`, the comment sits on the variable statement). */
function jsDocsOf(decl: ts.Declaration): ts.JSDoc[] {
  const holder: ts.Node = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  return ts.getJSDocCommentsAndTags(holder).filter((n): n is ts.JSDoc => ts.isJSDoc(n));
}

/** What the TSDoc walk found in the public API. */
export interface PublicApiDocs {
  /** Every exported function (function declarations and `const` arrow/function expressions), sorted by name. */
  readonly functions: readonly PublicFunctionDoc[];
  /**
   * Exported names (any kind: types, constants, classes) and public class members (`Class.member`) that have no
   * TSDoc comment at all, as `name (file)`, sorted.
   */
  readonly undocumented: readonly string[];
  /**
   * `{@link X}` / `{@link X.member}` in the TSDoc of the public API whose `X` is not a public export (typedoc cannot
   * link those: it warns "Failed to resolve link"), as `Owner → X (file)`, sorted, unique.
   */
  readonly brokenLinks: readonly string[];
  /** Number of exported names seen (sanity check for the walk). */
  readonly exportCount: number;
}

/** The `{@link …}` nodes inside a JSDoc comment (its text and its tags' texts). */
function linkNodes(node: ts.Node, out: ts.Node[] = []): ts.Node[] {
  if (ts.isJSDocLink(node) || ts.isJSDocLinkCode(node) || ts.isJSDocLinkPlain(node)) out.push(node);
  ts.forEachChild(node, (child) => {
    linkNodes(child, out);
  });
  const comment = (node as { comment?: unknown }).comment;
  if (Array.isArray(comment)) for (const part of comment as ts.Node[]) linkNodes(part, out);
  return out;
}

/** Link targets (`X.member` → `X`) of the JSDoc attached to a declaration. Links to URLs have no name. */
function linkTargets(decl: ts.Node): string[] {
  const holder = ts.isVariableDeclaration(decl) ? decl.parent.parent : decl;
  const targets: string[] = [];
  for (const doc of ts.getJSDocCommentsAndTags(holder)) {
    for (const link of linkNodes(doc) as (ts.JSDocLink | ts.JSDocLinkCode | ts.JSDocLinkPlain)[]) {
      if (link.text.startsWith('://')) continue; // {@link https://…}: TypeScript parses `https` as the name
      const first = link.name?.getText().split('.')[0];
      if (first) targets.push(first);
    }
  }
  return targets;
}

function isPublicMember(member: ts.ClassElement): boolean {
  if (!(ts.isMethodDeclaration(member) || ts.isPropertyDeclaration(member) || ts.isGetAccessorDeclaration(member) ||
    ts.isSetAccessorDeclaration(member))) return false;
  if (ts.isPrivateIdentifier(member.name)) return false;
  return (ts.getCombinedModifierFlags(member) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) === 0;
}

function hasJsDoc(node: ts.Node): boolean {
  return ts.getJSDocCommentsAndTags(node).some((n) => ts.isJSDoc(n));
}

/**
 * Walks every name exported (directly or through `export *` barrels) by `src/index.ts`: functions with their TSDoc
 * state, names or public class members with no TSDoc at all, and `{@link}`s typedoc cannot resolve. An overloaded function counts as documented when
 * any of its declarations has the comment.
 *
 * @param root Repository root (the folder holding `tsconfig.json` and `src/`).
 * @example
 * ```ts
 * const { functions } = publicApiDocs(process.cwd());
 * const missing = functions.filter((f) => !f.hasExample).map((f) => f.name);
 * ```
 */
export function publicApiDocs(root: string): PublicApiDocs {
  const entry = join(root, 'src', 'index.ts');
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const program = ts.createProgram({ rootNames: [entry], options: { ...parsed.options, noEmit: true } });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  if (!source) throw new Error(`cannot load ${entry}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${entry} is not a module`);
  const rel = (node: ts.Node): string => relative(root, node.getSourceFile().fileName).split('\\').join('/');
  const functions: PublicFunctionDoc[] = [];
  const undocumented: string[] = [];
  const exported = checker.getExportsOfModule(moduleSymbol);
  const publicNames = new Set(exported.map((e) => e.getName()));
  const brokenLinks = new Set<string>();
  const checkLinks = (owner: string, node: ts.Node): void => {
    for (const target of linkTargets(node)) if (!publicNames.has(target)) brokenLinks.add(`${owner} → ${target} (${rel(node)})`);
  };
  for (const symbol of exported) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const name = symbol.getName();
    const decls = target.declarations ?? [];
    const fnDecls = functionDeclarations(target);
    const first = fnDecls[0];
    if (first) {
      const docs = fnDecls.flatMap(jsDocsOf);
      const hasExample = docs.some((d) => (d.tags ?? []).some(isNonEmptyExample));
      functions.push({ name, file: rel(first), hasDoc: docs.length > 0, hasExample });
    }
    const firstDecl = decls[0];
    if (!firstDecl) continue;
    for (const decl of decls) {
      checkLinks(name, decl);
      if (ts.isInterfaceDeclaration(decl) || ts.isClassDeclaration(decl)) {
        for (const member of decl.members) checkLinks(`${name}.${member.name?.getText() ?? '?'}`, member);
      }
    }
    if (!decls.some((d) => jsDocsOf(d).length > 0)) undocumented.push(`${name} (${rel(firstDecl)})`);
    for (const decl of decls) {
      if (!ts.isClassDeclaration(decl)) continue;
      for (const member of decl.members) {
        if (isPublicMember(member) && !hasJsDoc(member)) undocumented.push(`${name}.${member.name?.getText() ?? '?'} (${rel(decl)})`);
      }
    }
  }
  functions.sort((a, b) => a.name.localeCompare(b.name));
  undocumented.sort();
  return { functions, undocumented, brokenLinks: [...brokenLinks].sort(), exportCount: exported.length };
}
