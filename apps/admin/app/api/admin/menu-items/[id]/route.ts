import { ok, readJsonBody } from '@hibachi/core/http';
import { deleteMenuItem, updateMenuItem } from '@hibachi/core/stations';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const PATCH = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await updateMenuItem({
      scope: staff,
      itemId: params.id,
      input: await readJsonBody(request),
      requestId,
    }),
  ),
);

export const DELETE = staffRoute<{ id: string }>(async (request, { staff, params, requestId }) =>
  ok(
    await deleteMenuItem({
      scope: staff,
      itemId: params.id,
      version: new URL(request.url).searchParams.get('version'),
      requestId,
    }),
  ),
);
