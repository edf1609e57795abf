import type { Metadata } from 'next';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { BookingWizard } from '@/components/booking/booking-wizard';

export const metadata: Metadata = { title: 'Book a chef' };

export default async function BookPage({ params }: { params: Promise<{ station: string }> }) {
  const { station } = await params;
  return (
    <WidgetBoundary title="Booking">
      <BookingWizard stationSlug={station} />
    </WidgetBoundary>
  );
}
