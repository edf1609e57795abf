import { translateDatabaseError } from '@hibachi/core/errors';
import { listActiveStations } from '@hibachi/core/stations';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { StationList } from '@/components/station-list';

// Rendered per request from the station cache: the list changes when staff edit a station.
export const dynamic = 'force-dynamic';

/** The stations, or `unavailable` while the database cannot be reached (expected, not a bug). */
async function loadStations(): Promise<TStationSummary[] | 'unavailable'> {
  try {
    return await listActiveStations();
  } catch (error) {
    if (translateDatabaseError(error)?.code === 'UNAVAILABLE') return 'unavailable';
    throw error;
  }
}

export default async function LandingPage() {
  const stations = await loadStations();
  return (
    <>
      <section className="hero">
        <h1>A hibachi chef, at your home</h1>
        <p>
          Fire, flips and fried rice cooked at your table. Pick your nearest location, choose a date
          and time, and hold your slot with a deposit.
        </p>
      </section>
      <section id="stations" aria-labelledby="stations-heading">
        <h2 id="stations-heading">Our locations</h2>
        {stations === 'unavailable' ? (
          <div className="notice error" role="alert">
            <p>
              <strong>Locations could not be loaded.</strong> Our booking system is temporarily
              unavailable. Please try again in a minute.
            </p>
            {/* A plain GET of this page: works before (and without) any JavaScript. */}
            <form action="/">
              <button type="submit" className="button secondary">
                Try again
              </button>
            </form>
          </div>
        ) : (
          <StationList list={stations} />
        )}
      </section>
    </>
  );
}
