import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;

/** Folder → the folders its non-test modules import from (`../other/…`). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const folder of readdirSync(SRC, { withFileTypes: true })) {
    if (!folder.isDirectory() || folder.name === 'generated') continue;
    const edges = new Set<string>();
    const walk = (directory: string) => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.'))
          for (const [, target] of readFileSync(full, 'utf8').matchAll(
            /from '((?:\.\.\/)+[^']+)'/g,
          )) {
            const resolved = path.relative(SRC, path.resolve(directory, target!)).split(path.sep);
            if (resolved[0] !== folder.name && resolved[0] !== 'generated' && resolved.length > 1)
              edges.add(resolved[0]!);
          }
      }
    };
    walk(path.join(SRC, folder.name));
    graph.set(folder.name, edges);
  }
  return graph;
}

/** Every import cycle between folders, as paths (a → b → … → a). */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open')
        found.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('core folders', () => {
  it('import each other one way only: no cycle between folders', () => {
    const graph = folderGraph();
    expect(graph.get('bookings')).toContain('scheduling');
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual(['a → b → c → a']);
  });
});

/*
 * One use case per file. A use case is a function core offers the apps and jobs (what a route
 * handler or a job calls): a folder's index.ts re-exports it by name, or package.json exports its
 * whole file, and it is declared `async`, declared to return a `Promise`, or is an exported
 * `const` holding an async arrow function. A source file of src/ (tests, `*.schema.ts` and
 * generated/ aside) may define at most one; helpers, types and schemas that index.ts does not
 * offer may sit beside it, exported or not. The folders in PLATFORM are the ground use cases run
 * on, not use cases; NOT_USE_CASES names the other public async functions that are not.
 */
const PLATFORM = new Set([
  'db',
  'env',
  'errors',
  'health',
  'http',
  'jobs',
  'live',
  'logger',
  'metrics',
  'rate-limit',
]);
const NOT_USE_CASES = new Set([
  // Waits for the assistant's answers in flight, at shutdown and in tests.
  'conversations/assistant/reply-as-assistant.ts#settleAssistant',
]);

const parse = (file: string, text = readFileSync(file, 'utf8')) =>
  ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);

const exported = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

const isAsync = (node: ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression) =>
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.AsyncKeyword) ||
  (node.type !== undefined &&
    ts.isTypeReferenceNode(node.type) &&
    node.type.typeName.getText() === 'Promise');

/** The async functions a module exports, by name. */
function asyncExports(source: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (!exported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && isAsync(statement))
      names.push(statement.name.text);
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations) {
        const value = declaration.initializer;
        if (
          ts.isIdentifier(declaration.name) &&
          value &&
          (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) &&
          isAsync(value)
        )
          names.push(declaration.name.text);
      }
  }
  return names;
}

/** Source file (relative to src/) → the names core's package exports offer from it ('*': all). */
function publicNames(): Map<string, Set<string> | '*'> {
  const packageJson = JSON.parse(readFileSync(path.join(SRC, '../package.json'), 'utf8')) as {
    exports: Record<string, string>;
  };
  const offered = new Map<string, Set<string> | '*'>();
  for (const target of Object.values(packageJson.exports)) {
    const file = path.resolve(SRC, '..', target);
    if (!file.startsWith(SRC + path.sep)) continue;
    if (path.basename(file) !== 'index.ts') {
      offered.set(path.relative(SRC, file), '*');
      continue;
    }
    for (const statement of parse(file).statements) {
      if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) continue;
      const specifier = (statement.moduleSpecifier as ts.StringLiteral).text;
      const from = path.relative(SRC, path.resolve(path.dirname(file), `${specifier}.ts`));
      const known = offered.get(from);
      if (known === '*') continue;
      const clause = statement.exportClause;
      if (!clause || !ts.isNamedExports(clause)) {
        offered.set(from, '*');
        continue;
      }
      const names = known ?? new Set<string>();
      for (const element of clause.elements) names.add((element.propertyName ?? element.name).text);
      offered.set(from, names);
    }
  }
  return offered;
}

/** Source file (relative to src/) → its use cases, for every file defining more than one. */
function filesWithSeveralUseCases(): Map<string, string[]> {
  const offered = publicNames();
  const found = new Map<string, string[]>();
  for (const [file, names] of offered) {
    if (PLATFORM.has(file.split(path.sep)[0]!) || file.endsWith('.schema.ts')) continue;
    const useCases = asyncExports(parse(path.join(SRC, file))).filter(
      (name) =>
        (names === '*' || names.has(name)) &&
        !NOT_USE_CASES.has(`${file.split(path.sep).join('/')}#${name}`),
    );
    if (useCases.length > 1) found.set(file, useCases);
  }
  return found;
}

describe('core use cases', () => {
  it('sit one per file', () => {
    expect(Object.fromEntries(filesWithSeveralUseCases())).toEqual({});
  });

  it('are told apart from everything else (the check itself)', () => {
    const source = parse(
      'fixture.ts',
      `export async function listChefs(options: {}) {}
       export function activateChef(options: {}): Promise<void> { return Promise.resolve(); }
       export const createChef = async (options: {}) => {};
       export function chefColor(): string { return 'red'; }
       async function lockChef() {}
       export const HOLDS = 'x';`,
    );
    expect(asyncExports(source)).toEqual(['listChefs', 'activateChef', 'createChef']);
    expect(publicNames().get(path.join('stations', 'list-chefs.ts'))).toEqual(
      new Set(['listChefs']),
    );
  });
});
