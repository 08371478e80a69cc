/**
 * Checks the code of the README against the real public API: extracts the ```ts blocks of a section and
 * type-checks each one as its own ES module, with `edusign-vn` mapped to `src/index.ts`.
 * Used by `test/docs/readme.test.ts`.
 * @module
 */
import { join } from 'node:path';
import ts from 'typescript';

/** One fenced code block of a Markdown document. */
export interface Snippet {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The language after the fence (`ts`, `text`, …). */
  readonly lang: string;
  /** The code. */
  readonly code: string;
}

/**
 * The text of a `## heading` section (up to the next `## ` heading).
 *
 * @example
 * ```ts
 * markdownSection('# T\n## API\ntext\n## Errors\n', 'API'); // 'text\n'
 * ```
 */
export function markdownSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.trim() === `## ${heading}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  return `${(end < 0 ? rest : rest.slice(0, end)).join('\n')}\n`.replace(/\n+$/, '\n');
}

/**
 * The fenced code blocks of a Markdown text, with the line where each opens (relative to `firstLine`).
 *
 * @example
 * ```ts
 * fencedBlocks('a\n```ts\nx;\n```\n'); // [{ line: 2, lang: 'ts', code: 'x;\n' }]
 * ```
 */
export function fencedBlocks(markdown: string, firstLine = 1): Snippet[] {
  const out: Snippet[] = [];
  const lines = markdown.split('\n');
  let open: { line: number; lang: string; body: string[] } | undefined;
  lines.forEach((text, i) => {
    const fence = /^```(\S*)\s*$/.exec(text);
    if (!open && fence) open = { line: i + firstLine, lang: fence[1] ?? '', body: [] };
    else if (open && text.startsWith('```')) {
      out.push({ line: open.line, lang: open.lang, code: `${open.body.join('\n')}\n` });
      open = undefined;
    } else if (open) open.body.push(text);
  });
  return out;
}

/**
 * Type-checks TypeScript snippets as ES modules placed in the repository (so `"type": "module"`, the
 * tsconfig options and `@types/node` apply), with the bare import `edusign-vn` resolved to `src/index.ts`.
 * Returns, for each snippet (same order), its diagnostics as `README line L:C: message` strings.
 * One program checks all snippets (creating it is the slow part).
 *
 * @example
 * ```ts
 * typecheckSnippets(process.cwd(), [{ line: 1, lang: 'ts', code: "import { verify } from 'edusign-vn';\n" }]); // [[]]
 * ```
 */
export function typecheckSnippets(root: string, snippets: readonly Snippet[]): string[][] {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const options: ts.CompilerOptions = {
    ...parsed.options, noEmit: true, baseUrl: root, paths: { 'edusign-vn': ['./src/index.ts'] },
  };
  const files = new Map(snippets.map((s, i) => [join(root, 'test', 'docs', `__readme_snippet_${i}__.ts`), s]));
  const host = ts.createCompilerHost(options);
  const baseGetSourceFile = host.getSourceFile.bind(host);
  const baseFileExists = host.fileExists.bind(host);
  const baseReadFile = host.readFile.bind(host);
  host.fileExists = (f) => files.has(f) || baseFileExists(f);
  host.readFile = (f) => files.get(f)?.code ?? baseReadFile(f);
  host.getSourceFile = (f, lang, onError, create) => {
    const snippet = files.get(f);
    return snippet ? ts.createSourceFile(f, snippet.code, lang, true, ts.ScriptKind.TS) : baseGetSourceFile(f, lang, onError, create);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  return [...files].map(([file, snippet]) => {
    const sf = program.getSourceFile(file);
    if (!sf) return [`README line ${snippet.line}: snippet not loaded`];
    return [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)].map((d) => {
      const pos = d.start === undefined ? undefined : sf.getLineAndCharacterOfPosition(d.start);
      const where = pos ? `${snippet.line + 1 + pos.line}:${pos.character + 1}` : `${snippet.line}`;
      return `README line ${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
  });
}
