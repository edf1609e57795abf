import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { StationList } from '@/components/station-list';

export default function LandingPage() {
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
        <WidgetBoundary title="Locations">
          <StationList />
        </WidgetBoundary>
      </section>
    </>
  );
}
