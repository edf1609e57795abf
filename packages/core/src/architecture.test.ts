import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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
