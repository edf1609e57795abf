import { ok } from '@hibachi/core/http';
import { staffRoute } from '@/lib/staff';

export const dynamic = 'force-dynamic';

export const GET = staffRoute(async (_request, { staff }) =>
  ok({
    id: staff.staffId,
    email: staff.email,
    name: staff.name,
    role: staff.role,
    station: staff.station,
  }),
);
