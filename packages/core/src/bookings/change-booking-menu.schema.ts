import { z } from 'zod';

/** `PATCH /api/admin/bookings/ID/menu`: the booking's new total and version. Browser-safe. */
export const ZStaffMenuChanged = z
  .object({ id: z.uuid(), version: z.number().int(), totalCents: z.number().int() })
  .describe('The new total and version');
export type TStaffMenuChanged = z.output<typeof ZStaffMenuChanged>;
