import { z } from 'zod';
import { HTTP_STATUS, type ErrorCode } from '../errors/app-error';
import { REFUSAL_REASONS } from '../errors/refusal-reasons';
import type { ApiOperation } from './api-operation';

export type { ApiOperation } from './api-operation';

type JsonSchema = Record<string, unknown>;

/** What the client sends: coercions and defaults as the client may write them. */
const inputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

const outputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

/** A query schema as `in: query` parameters (a union's branches become optional alternatives). */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = inputSchema(schema);
  const branches = (json.anyOf ?? json.oneOf) as JsonSchema[] | undefined;
  const objects = branches ?? [json];
  const parameters = new Map<string, JsonSchema>();
  for (const branch of objects) {
    const required = new Set((branch.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(
      (branch.properties as Record<string, JsonSchema>) ?? {},
    ))
      if (!parameters.has(name))
        parameters.set(name, {
          name,
          in: 'query',
          required: !branches && required.has(name),
          schema: property,
          ...(branches ? { description: 'One of the alternatives this operation accepts.' } : {}),
        });
  }
  return [...parameters.values()];
}

const pathParameters = (path: string): JsonSchema[] =>
  [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));

const DESCRIPTIONS: Record<ErrorCode, string> = {
  VALIDATION_FAILED: 'Bad input: `details` maps each field to its messages.',
  UNAUTHENTICATED: 'Not signed in (or the session ended).',
  FORBIDDEN: 'Signed in, but this role may not do this.',
  NOT_FOUND: 'No such record, or not one this caller may see.',
  CONFLICT: 'Refused by the current state: `details.reason` says why.',
  RATE_LIMITED: 'Too many requests from this address: see `Retry-After`.',
  PAYLOAD_TOO_LARGE: 'The body is over 64 kB.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the body as application/json.',
  INTERNAL: 'A bug on our side; the request id finds it in the logs.',
  UNAVAILABLE:
    'The database or a provider cannot be reached, or a write kept losing to concurrent ones; try again (after `Retry-After` when sent).',
};

/** An OpenAPI 3.1 document for one app, from its operations. */
export function buildOpenApiDocument(options: {
  title: string;
  description: string;
  operations: readonly ApiOperation[];
}): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of options.operations) {
    const status = String(operation.status ?? 200);
    if (operation.responseType === undefined && !(operation.response instanceof z.ZodType))
      throw new Error(
        `${operation.method.toUpperCase()} ${operation.path}: a JSON answer needs the zod schema of its data`,
      );
    const success =
      operation.responseType !== undefined
        ? {
            description: operation.response,
            content: {
              [operation.responseType]: {
                schema: {
                  type: operation.responseType === 'application/json' ? 'object' : 'string',
                },
              },
            },
          }
        : {
            description: operation.response.description ?? 'OK',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data'],
                  properties: { data: outputSchema(operation.response) },
                },
              },
            },
          };
    const errors = Object.fromEntries(
      [...new Set<ErrorCode>([...operation.errors, 'INTERNAL'])].map((code) => [
        String(HTTP_STATUS[code]),
        {
          description: DESCRIPTIONS[code],
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ]),
    );
    (paths[operation.path] ??= {})[operation.method] = {
      summary: operation.summary,
      tags: [operation.tag],
      operationId: `${operation.method}${operation.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ?? '').toUpperCase())}`,
      parameters: [
        ...pathParameters(operation.path),
        ...(operation.query ? queryParameters(operation.query) : []),
        ...(operation.headers ?? []).map((header) => ({
          name: header.name,
          in: 'header',
          required: false,
          description: header.description,
          schema: { type: 'string' },
        })),
      ],
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: inputSchema(operation.body) } },
            },
          }
        : operation.rawBody
          ? {
              requestBody: {
                required: true,
                description: operation.rawBody,
                content: { 'application/json': { schema: { type: 'object' } } },
              },
            }
          : {}),
      ...(operation.auth === 'staff'
        ? { security: [{ session: [] }] }
        : operation.auth === 'metricsToken'
          ? { security: [{}, { metricsToken: [] }] }
          : { security: [] }),
      responses: { [status]: success, ...errors },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: options.title, version: '1.0.0', description: options.description },
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message', 'requestId'],
              properties: {
                code: { type: 'string', enum: Object.keys(HTTP_STATUS) },
                message: { type: 'string', description: 'Safe to show to the person.' },
                requestId: { type: 'string', format: 'uuid' },
                details: {
                  type: 'object',
                  description: 'Field → messages for 400; `reason` (and its facts) for refusals.',
                  properties: { reason: { type: 'string', enum: [...REFUSAL_REASONS] } },
                  additionalProperties: true,
                },
              },
            },
          },
        },
      },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'authjs.session-token',
          description: 'The admin session cookie set by `POST /api/session`.',
        },
        metricsToken: { type: 'http', scheme: 'bearer', description: 'METRICS_TOKEN, when set.' },
      },
    },
  };
}
