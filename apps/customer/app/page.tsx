import { listActiveStations } from '@hibachi/core/stations';
import { StationList } from '@/components/station-list';

// Rendered per request from the station cache: the list changes when staff edit a station.
export const dynamic = 'force-dynamic';

export default async function LandingPage() {
  const stations = await listActiveStations();
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
        <StationList list={stations} />
      </section>
    </>
  );
}
