import { writeStaffAudit } from '../audit/write-audit';
import { requireInScope } from '../auth/require-in-scope';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { hasDatabaseCode } from '../errors/translate-database-error';
import { parseInput } from '../validation';
import { ZWeeklyOffInput, type WeeklyOff } from './season.schema';

const WEEKDAY_NAMES = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

/**
 * `PUT /api/admin/chefs/ID/weekly-off`: the weekdays the chef never works (the whole set).
 * A weekday that falls on one of the chef's coming bookings is refused (409
 * CHEF_HAS_BOOKINGS, listing them): move those first. The database checks again under the
 * chef's schedule lock, so a booking racing onto that weekday and the change never both win.
 */
export async function setWeeklyOff(
  options: StaffRequest & { chefId: string; input: unknown },
): Promise<WeeklyOff[]> {
  assertCan(options.scope, 'chefs.timeOff');
  const input = parseInput(ZWeeklyOffInput, options.input);
  try {
    return await inTransaction(async (tx) => {
      const chef = await requireInScope(options.scope, 'chef', options.chefId, (id) =>
        tx.chef.findUnique({ where: { id }, include: { station: { select: { timezone: true } } } }),
      );
      await tx.$executeRaw`SELECT chef_schedule_lock(${chef.id}::uuid)`;
      const before = await tx.chefWeeklyOff.findMany({ where: { chefId: chef.id } });
      const added = input.weekdays.filter((day) => !before.some((row) => row.weekday === day));
      const clashes = added.length
        ? await tx.$queryRaw<{ id: string; reference: string; date: string; time: string }[]>`
            SELECT b.id, b.reference, to_char(b."eventDate", 'YYYY-MM-DD') AS date, b."startTime" AS time
              FROM "Booking" b
             WHERE b."chefId" = ${chef.id}::uuid AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
               AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now())
               AND b."blockedUntil" > now()
               AND EXISTS (
                 SELECT 1 FROM generate_series((b."startsAt" AT TIME ZONE ${chef.station.timezone})::date,
                                               ((b."blockedUntil" - interval '1 millisecond') AT TIME ZONE ${chef.station.timezone})::date,
                                               interval '1 day') d
                  WHERE extract(isodow FROM d)::int = ANY(${added}::int[]))
             ORDER BY b."startsAt"`
        : [];
      if (clashes.length > 0)
        throw new AppError(
          'CONFLICT',
          `${chef.name} has ${clashes.length} coming booking${clashes.length === 1 ? '' : 's'} on ${added.map((day) => WEEKDAY_NAMES[day]).join(' or ')}. Move ${clashes.length === 1 ? 'it' : 'them'} first.`,
          { details: { reason: 'CHEF_HAS_BOOKINGS', bookings: clashes } },
        );
      await tx.chefWeeklyOff.deleteMany({
        where: { chefId: chef.id, weekday: { notIn: input.weekdays } },
      });
      for (const weekday of input.weekdays)
        await tx.chefWeeklyOff.upsert({
          where: { chefId_weekday: { chefId: chef.id, weekday } },
          create: { chefId: chef.id, weekday, stationId: chef.stationId, note: input.note },
          update: { note: input.note },
        });
      await writeStaffAudit(tx, options, {
        stationId: chef.stationId,
        entityType: 'Chef',
        entityId: chef.id,
        action: 'chef.weekly_off_set',
        before: { weekdays: before.map((row) => row.weekday) },
        after: { weekdays: input.weekdays, note: input.note },
      });
      return [...input.weekdays]
        .sort((a, b) => a - b)
        .map((weekday) => ({ chefId: chef.id, chef: chef.name, weekday, note: input.note }));
    });
  } catch (error) {
    if (hasDatabaseCode(error, '23P01'))
      throw new AppError(
        'CONFLICT',
        'A booking for this chef landed on that weekday a moment ago. Look again.',
        { details: { reason: 'CHEF_HAS_BOOKINGS', bookings: [] } },
      );
    throw error;
  }
}
