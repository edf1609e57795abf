/*
 * A `@db.Date` column (a booking's event date, a station's date rule) holds a calendar date
 * with no zone. Prisma reads and writes it as the Date at midnight UTC of that day, so UTC
 * is only the carrier here: never read such a Date in a zone, nor compare it with an instant.
 * A station-local date (YYYY-MM-DD) goes in and comes out unchanged, whatever the zone of the
 * process and whatever clocks do that day.
 */

/** A local date (YYYY-MM-DD) → the Date Prisma stores for it in a `@db.Date` column. */
export function toDbDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** The Date Prisma reads from a `@db.Date` column → its local date (YYYY-MM-DD). */
export function toLocalDate(dbDate: Date): string {
  return dbDate.toISOString().slice(0, 10);
}
