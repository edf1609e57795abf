-- Every change to stations tells the app instances listening on `station_changed` to drop
-- their cached station list (customer reads: the station list, availability, quotes).
CREATE OR REPLACE FUNCTION notify_station_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('station_changed', '');
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER station_changed_notify
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Station"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_station_changed();
