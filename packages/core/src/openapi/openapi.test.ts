import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADMIN_OPERATIONS, CUSTOMER_OPERATIONS, openApiDocument } from '.';

const APPS = path.resolve(import.meta.dirname, '../../../../apps');

/** Next.js routes that are not this product's contract: Auth.js internals and the 404 catch-all. */
const NOT_DESCRIBED = new Set(['/api/auth/{...nextauth}', '/api/{...path}']);

/** `METHOD /api/path` of every route handler file of an app, from the files themselves. */
function routeFiles(app: string): string[] {
  const root = path.join(APPS, app, 'app');
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const route = `/${path.relative(root, directory).split(path.sep).join('/')}`.replace(
          /\[([^\]]+)\]/g,
          '{$1}',
        );
        if (NOT_DESCRIBED.has(route)) continue;
        const source = readFileSync(full, 'utf8');
        const methods = new Set([
          ...[...source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]),
          ...[...source.matchAll(/\bas (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]),
        ]);
        for (const method of methods) found.push(`${method} ${route}`);
      }
    }
  };
  walk(path.join(root, 'api'));
  return found.sort();
}

type Document = {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: object }>>;
};

const described = (document: Document) =>
  Object.entries(document.paths)
    .flatMap(([route, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`),
    )
    .sort();

describe.each(['customer', 'admin'] as const)('the %s OpenAPI document', (app) => {
  const document = openApiDocument(app) as Document;

  it('describes every route file of the app, and nothing else', () => {
    const files = routeFiles(app);
    expect(files.length).toBeGreaterThan(5);
    expect(described(document)).toEqual(files);
  });

  it('is OpenAPI 3.1 with unique operation ids, a success answer each and JSON that round-trips', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = Object.values(document.paths).flatMap((byMethod) => Object.values(byMethod));
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(
      operations.length,
    );
    for (const operation of operations)
      expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status))).toBe(true);
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});

describe('schemas in the documents', () => {
  it('come from the handlers: booking creation lists the fields its zod schema requires', () => {
    const document = openApiDocument('customer') as {
      paths: Record<
        string,
        Record<
          string,
          {
            requestBody: {
              content: Record<
                string,
                { schema: { required: string[]; properties: Record<string, unknown> } }
              >;
            };
          }
        >
      >;
    };
    const body =
      document.paths['/api/bookings']!.post!.requestBody.content['application/json']!.schema;
    expect(body.required).toEqual(expect.arrayContaining(['station', 'date', 'time', 'customer']));
    expect(body.properties).toHaveProperty('customer');
  });

  it('query schemas become parameters (availability: station and date required)', () => {
    const document = openApiDocument('customer') as {
      paths: Record<string, Record<string, { parameters: { name: string; required: boolean }[] }>>;
    };
    const parameters = document.paths['/api/availability']!.get!.parameters;
    expect(parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'station', required: true }),
        expect.objectContaining({ name: 'date', required: true }),
      ]),
    );
  });
});

describe.each([
  ['customer', CUSTOMER_OPERATIONS],
  ['admin', ADMIN_OPERATIONS],
] as const)('the %s operation list', (app, operations) => {
  const json = operations.filter((operation) => operation.responseType === undefined);

  it('gives every JSON operation the zod schema of its answer (others a media type and words)', () => {
    expect(json.length).toBeGreaterThan(15);
    const withoutSchema = json
      .filter((operation) => !(operation.response instanceof z.ZodType))
      .map((operation) => `${operation.method.toUpperCase()} ${operation.path}`);
    expect(withoutSchema).toEqual([]);
    for (const operation of operations)
      if (operation.responseType !== undefined)
        expect(typeof operation.response, `${operation.method} ${operation.path}`).toBe('string');
  });

  it("shows each JSON answer's schema in the document, not a bare object", () => {
    const document = openApiDocument(app) as {
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }> }
        >
      >;
    };
    const bare = json.flatMap((operation) => {
      const responses = document.paths[operation.path]?.[operation.method]?.responses ?? {};
      const success = Object.entries(responses).find(([status]) => /^2\d\d$/.test(status))?.[1];
      const data = success?.content?.['application/json']?.schema?.properties?.data;
      const described =
        data !== undefined &&
        (data.properties !== undefined || data.items !== undefined || data.anyOf !== undefined);
      return described ? [] : [`${operation.method.toUpperCase()} ${operation.path}`];
    });
    expect(bare).toEqual([]);
  });
});

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};
