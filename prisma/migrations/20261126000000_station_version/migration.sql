-- Station settings are edited by managers: every write names the version it read (409 when
-- someone else saved in between), as booking writes do.
ALTER TABLE "Station" ADD COLUMN "version" integer NOT NULL DEFAULT 1;
