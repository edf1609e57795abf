export const dynamic = 'force-dynamic';

/** The bare route every HTTP figure is compared with: JSON, no middleware, no database. */
export function GET(): Response {
  return Response.json({ data: { ok: true } });
}
