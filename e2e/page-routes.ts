import { readdirSync } from 'node:fs';
import path from 'node:path';

const APPS = path.resolve(import.meta.dirname, '../apps');

/** Each app's pages as route templates (`/book/[station]`), from its `app/` directory. */
export function pageTemplates(app: 'customer' | 'admin'): string[] {
  const root = path.join(APPS, app, 'app');
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'api') walk(path.join(directory, entry.name));
      else if (entry.name === 'page.tsx')
        found.push(
          `/${path.relative(root, directory).split(path.sep).join('/')}`.replace(/\/$/, '') || '/',
        );
    }
  };
  walk(root);
  return found.sort();
}

/** A route template with its `[parameters]` filled in; a parameter without a value throws, naming it. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for [${name}] of ${template}`);
    return encodeURIComponent(value);
  });
}
