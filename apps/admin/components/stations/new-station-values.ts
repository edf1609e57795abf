import type { TCreateStation } from '@hibachi/core/stations/station-settings.schema';

/** A new station's form as text: its name, its address (`/book/<slug>`) and its time zone. */
export type NewStationValues = { name: string; slug: string; timezone: string };

/** `POST /api/admin/stations`: the rest starts from the default settings. */
export function toCreateStationInput(values: NewStationValues): TCreateStation {
  return { slug: values.slug, name: values.name, timezone: values.timezone };
}
