/** The success envelope: `{"data": …}`. */
export function ok<T>(
  data: T,
  init: { status?: number; headers?: Record<string, string> } = {},
): Response {
  return Response.json({ data }, { status: init.status ?? 200, headers: init.headers });
}
