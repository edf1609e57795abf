-- A season: chefs take time off (whole days or a span of hours, or a weekly day off), and a
-- station closes on some dates or keeps other hours on them. Availability, booking, moves and
-- reassignment all read them through the same SQL (chef_time_off), and the database has the
-- last word when a booking and a time-off entry race for one chef: both writers take the
-- chef's schedule lock (an advisory transaction lock) and then check the other table, so the
-- second of two racing writers sees the first and is refused.

-- A stretch of time a chef is away; whole days are stored as the station's local midnights.
CREATE TABLE "ChefTimeOff" (
  "id" uuid NOT NULL DEFAULT gen_random_uuid(),
  "stationId" uuid NOT NULL,
  "chefId" uuid NOT NULL,
  "startsAt" timestamptz(3) NOT NULL,
  "endsAt" timestamptz(3) NOT NULL,
  "allDay" boolean NOT NULL DEFAULT false,
  "note" text,
  "createdById" uuid,
  "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
  "updatedAt" timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "ChefTimeOff_pkey" PRIMARY KEY ("id"),
  CONSTRAINT "ChefTimeOff_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id"),
  CONSTRAINT "ChefTimeOff_chefId_fkey" FOREIGN KEY ("chefId") REFERENCES "Chef"("id") ON DELETE CASCADE,
  CONSTRAINT "ChefTimeOff_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "StaffUser"("id") ON DELETE SET NULL,
  CONSTRAINT "ChefTimeOff_span_check" CHECK ("endsAt" > "startsAt" AND "endsAt" - "startsAt" <= interval '400 days'),
  -- One entry for any moment of a chef's time off (two would make editing ambiguous).
  CONSTRAINT "ChefTimeOff_no_overlap" EXCLUDE USING gist (
    "chefId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
);
CREATE INDEX "ChefTimeOff_stationId_startsAt_idx" ON "ChefTimeOff" ("stationId", "startsAt");

-- A weekday (ISO: Monday 1 … Sunday 7) a chef never works, in the station's zone.
CREATE TABLE "ChefWeeklyOff" (
  "chefId" uuid NOT NULL,
  "weekday" integer NOT NULL,
  "stationId" uuid NOT NULL,
  "note" text,
  "createdAt" timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "ChefWeeklyOff_pkey" PRIMARY KEY ("chefId", "weekday"),
  CONSTRAINT "ChefWeeklyOff_chefId_fkey" FOREIGN KEY ("chefId") REFERENCES "Chef"("id") ON DELETE CASCADE,
  CONSTRAINT "ChefWeeklyOff_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id"),
  CONSTRAINT "ChefWeeklyOff_weekday_check" CHECK ("weekday" BETWEEN 1 AND 7)
);

-- A date a station is closed, or keeps other hours (a later first start, an earlier last one).
CREATE TABLE "StationDate" (
  "stationId" uuid NOT NULL,
  "date" date NOT NULL,
  "closed" boolean NOT NULL DEFAULT false,
  "firstStartMinute" integer,
  "lastStartMinute" integer,
  "note" text,
  CONSTRAINT "StationDate_pkey" PRIMARY KEY ("stationId", "date"),
  CONSTRAINT "StationDate_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE CASCADE,
  CONSTRAINT "StationDate_hours_check" CHECK (
    "closed" OR ("firstStartMinute" IS NOT NULL AND "lastStartMinute" IS NOT NULL
                 AND "firstStartMinute" BETWEEN 0 AND 1439 AND "lastStartMinute" BETWEEN 0 AND 1439
                 AND "firstStartMinute" <= "lastStartMinute"))
);

-- The chef's time off (entries and weekly days, whole local days) overlapping [from_at, until_at).
CREATE FUNCTION chef_time_off(chef uuid, zone text, from_at timestamptz, until_at timestamptz)
RETURNS tstzmultirange LANGUAGE sql STABLE AS $$
  SELECT COALESCE(range_agg(span), '{}'::tstzmultirange) FROM (
    SELECT tstzrange(t."startsAt", t."endsAt", '[)') AS span
      FROM "ChefTimeOff" t
     WHERE t."chefId" = chef AND t."startsAt" < until_at AND t."endsAt" > from_at
    UNION ALL
    SELECT tstzrange(day::timestamp AT TIME ZONE zone, (day + 1)::timestamp AT TIME ZONE zone, '[)')
      FROM "ChefWeeklyOff" w
      CROSS JOIN LATERAL (
        SELECT d::date AS day
          FROM generate_series((from_at AT TIME ZONE zone)::date, (until_at AT TIME ZONE zone)::date,
                               interval '1 day') d) days
     WHERE w."chefId" = chef AND extract(isodow FROM days.day) = w.weekday
  ) spans
$$;

CREATE FUNCTION chef_schedule_lock(chef uuid) RETURNS void LANGUAGE sql AS $$
  SELECT pg_advisory_xact_lock(hashtextextended('chef-schedule:' || chef::text, 0))
$$;

-- A booking that holds a chef may not overlap their time off (a race with a new entry included).
CREATE FUNCTION booking_respects_time_off() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status NOT IN ('PENDING_PAYMENT', 'CONFIRMED') THEN RETURN NEW; END IF;
  IF TG_OP = 'UPDATE' AND OLD.status IN ('PENDING_PAYMENT', 'CONFIRMED')
     AND NEW."chefId" = OLD."chefId" AND NEW."startsAt" = OLD."startsAt"
     AND NEW."blockedUntil" = OLD."blockedUntil" THEN
    RETURN NEW;
  END IF;
  PERFORM chef_schedule_lock(NEW."chefId");
  IF chef_time_off(NEW."chefId", (SELECT timezone FROM "Station" WHERE id = NEW."stationId"),
                   NEW."startsAt", NEW."blockedUntil")
     && tstzrange(NEW."startsAt", NEW."blockedUntil", '[)') THEN
    RAISE EXCEPTION 'the chef is off during this booking'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'Booking_chef_time_off';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "Booking_respects_time_off"
  BEFORE INSERT OR UPDATE OF status, "chefId", "startsAt", "blockedUntil" ON "Booking"
  FOR EACH ROW EXECUTE FUNCTION booking_respects_time_off();

-- Time off may not cover a booking that holds the chef (a race with a new booking included).
CREATE FUNCTION time_off_respects_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM chef_schedule_lock(NEW."chefId");
  IF EXISTS (
    SELECT 1 FROM "Booking" b
     WHERE b."chefId" = NEW."chefId" AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
       AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now())
       AND tstzrange(b."startsAt", b."blockedUntil", '[)') && tstzrange(NEW."startsAt", NEW."endsAt", '[)')) THEN
    RAISE EXCEPTION 'the chef has a booking during this time off'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'ChefTimeOff_bookings';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ChefTimeOff_respects_bookings"
  BEFORE INSERT OR UPDATE OF "chefId", "startsAt", "endsAt" ON "ChefTimeOff"
  FOR EACH ROW EXECUTE FUNCTION time_off_respects_bookings();

-- A weekly day off may not fall on a coming booking of the chef (a local day it touches).
CREATE FUNCTION weekly_off_respects_bookings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM chef_schedule_lock(NEW."chefId");
  IF EXISTS (
    SELECT 1 FROM "Booking" b JOIN "Station" s ON s.id = b."stationId"
     WHERE b."chefId" = NEW."chefId" AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
       AND NOT (b.status = 'PENDING_PAYMENT' AND b."holdExpiresAt" <= now())
       AND b."blockedUntil" > now()
       AND EXISTS (
         SELECT 1 FROM generate_series((b."startsAt" AT TIME ZONE s.timezone)::date,
                                       ((b."blockedUntil" - interval '1 millisecond') AT TIME ZONE s.timezone)::date,
                                       interval '1 day') d
          WHERE extract(isodow FROM d) = NEW.weekday)) THEN
    RAISE EXCEPTION 'the chef has a booking on that weekday'
      USING ERRCODE = 'exclusion_violation', CONSTRAINT = 'ChefWeeklyOff_bookings';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "ChefWeeklyOff_respects_bookings"
  BEFORE INSERT OR UPDATE ON "ChefWeeklyOff"
  FOR EACH ROW EXECUTE FUNCTION weekly_off_respects_bookings();

-- Cached availability follows time off and date rules like it follows bookings and chefs.
CREATE TRIGGER time_off_availability_changed
  AFTER INSERT OR DELETE OR UPDATE ON "ChefTimeOff"
  FOR EACH ROW EXECUTE FUNCTION notify_availability_changed();
CREATE TRIGGER weekly_off_availability_changed
  AFTER INSERT OR DELETE OR UPDATE ON "ChefWeeklyOff"
  FOR EACH ROW EXECUTE FUNCTION notify_availability_changed();
CREATE TRIGGER station_date_availability_changed
  AFTER INSERT OR DELETE OR UPDATE ON "StationDate"
  FOR EACH ROW EXECUTE FUNCTION notify_availability_changed();

-- A chef's private calendar feed: only the token's SHA-256 is kept; a new token replaces it.
ALTER TABLE "Chef"
  ADD COLUMN "feedTokenHash" text,
  ADD COLUMN "feedTokenCreatedAt" timestamptz(3);
CREATE UNIQUE INDEX "Chef_feedTokenHash_key" ON "Chef" ("feedTokenHash");
