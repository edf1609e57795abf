import type { Metadata } from 'next';
import { getAvailabilityDays } from '@hibachi/core/availability';
import { translateDatabaseError } from '@hibachi/core/errors';
import { listActiveStations } from '@hibachi/core/stations';
import { todayIn } from '@hibachi/web/format';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { BookingWizard, type WizardStart } from '@/components/booking/booking-wizard';
import { DATE_PICKER_DAYS, DEFAULT_DURATION_MINUTES } from '@/components/booking/booking-form';

export const metadata: Metadata = { title: 'Book a chef' };

/**
 * The wizard's first step as the server can render it: the stations and the station's open
 * dates for the default duration, so the page arrives with its date grid (no request, no
 * layout shift). Without the database the wizard fetches them itself and says what failed.
 */
async function loadStart(slug: string): Promise<WizardStart | undefined> {
  try {
    const stations = await listActiveStations();
    const station = stations.find((candidate) => candidate.slug === slug);
    if (!station) return { stations };
    const from = todayIn(station.timezone);
    const days = await getAvailabilityDays({
      query: {
        station: slug,
        from,
        duration: String(DEFAULT_DURATION_MINUTES),
        days: String(DATE_PICKER_DAYS),
      },
    });
    return { stations, days: { from, durationMinutes: DEFAULT_DURATION_MINUTES, data: days } };
  } catch (error) {
    if (translateDatabaseError(error)?.code === 'UNAVAILABLE') return undefined;
    throw error;
  }
}

export default async function BookPage({ params }: { params: Promise<{ station: string }> }) {
  const { station } = await params;
  return (
    <WidgetBoundary title="Booking">
      <BookingWizard stationSlug={station} start={await loadStart(station)} />
    </WidgetBoundary>
  );
}
