import { translateDatabaseError } from '@hibachi/core/errors';
import { listActiveStations } from '@hibachi/core/stations';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { GrillIllustration, StepIcon } from '@/components/illustrations';
import { StationList } from '@/components/station-list';

const EVENING = [
  {
    title: 'The chef brings the grill',
    text: 'A flat-top teppan grill, fuel, knives and ingredients arrive with your chef. You provide the table and the guests.',
  },
  {
    title: 'Fire, flips and fried rice',
    text: 'Onion volcanoes, egg tricks and a sizzling show while every guest gets fried rice, vegetables and their choice of proteins.',
  },
  {
    title: 'You stay at the table',
    text: 'The chef cooks in front of you and leaves the cooking area clean. Events last from one hour to a whole evening.',
  },
];

const STEPS = [
  {
    icon: 'calendar',
    title: 'Pick a date and time',
    text: 'See which days and start times a chef is free, live.',
  },
  {
    icon: 'party',
    title: 'Tell us about the party',
    text: 'Adults, children and your address: the price updates as you type.',
  },
  {
    icon: 'menu',
    title: 'Choose the menu',
    text: 'Proteins, upgrades and extras now, or decide them later from your booking page.',
  },
  {
    icon: 'deposit',
    title: 'Hold it with a deposit',
    text: 'A deposit confirms the date; the balance and a tip can be paid online before the event.',
  },
] as const;

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
      <section className="hero hero-split">
        <div>
          <h1>A hibachi chef, at your home</h1>
          <p>
            Fire, flips and fried rice cooked at your table. Pick your nearest location, choose a
            date and time, and hold your slot with a deposit.
          </p>
          <a className="button" href="#stations">
            Find your location
          </a>
        </div>
        <GrillIllustration className="hero-art" />
      </section>
      <section aria-labelledby="evening-heading" className="landing-section">
        <h2 id="evening-heading">What the evening looks like</h2>
        <ul className="feature-grid">
          {EVENING.map((item) => (
            <li key={item.title}>
              <h3>{item.title}</h3>
              <p>{item.text}</p>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="how-heading" className="landing-section">
        <h2 id="how-heading">How booking works</h2>
        <ol className="how-steps">
          {STEPS.map((step) => (
            <li key={step.title}>
              <StepIcon name={step.icon} />
              <div>
                <h3>{step.title}</h3>
                <p>{step.text}</p>
              </div>
            </li>
          ))}
        </ol>
        <p className="muted">
          Cancel early enough and the deposit comes back; each location&rsquo;s page says how early,
          what is on its menu, where it travels and what happens if it rains.
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
