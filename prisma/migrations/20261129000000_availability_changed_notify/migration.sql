-- Tells the app instances listening on `availability_changed` which station's free chefs may
-- have changed, so they drop that station's cached availability: a booking taking, moving or
-- releasing a chef (including a hold's expiry time being changed), or a chef joining, leaving
-- or being (de)activated. The payload is the station id; '' means every station. Row-level
-- and limited to the columns that matter, so an edit of notes notifies nobody; PostgreSQL
-- folds repeated payloads of one transaction into one notification.
CREATE FUNCTION notify_availability_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('availability_changed', '');
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM pg_notify('availability_changed', OLD."stationId"::text);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM pg_notify('availability_changed', NEW."stationId"::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER booking_availability_changed
  AFTER INSERT OR DELETE OR UPDATE OF status, "chefId", "stationId", "startsAt", "blockedUntil", "holdExpiresAt"
  ON "Booking" FOR EACH ROW EXECUTE FUNCTION notify_availability_changed();
CREATE TRIGGER booking_availability_truncated
  AFTER TRUNCATE ON "Booking" FOR EACH STATEMENT EXECUTE FUNCTION notify_availability_changed();
CREATE TRIGGER chef_availability_changed
  AFTER INSERT OR DELETE OR UPDATE OF active, "stationId"
  ON "Chef" FOR EACH ROW EXECUTE FUNCTION notify_availability_changed();
CREATE TRIGGER chef_availability_truncated
  AFTER TRUNCATE ON "Chef" FOR EACH STATEMENT EXECUTE FUNCTION notify_availability_changed();
