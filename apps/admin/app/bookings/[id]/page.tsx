import type { Metadata } from 'next';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { BookingDetail } from '@/components/booking/booking-detail';
import { customerSiteOrigin } from '@/lib/customer-site';
import { requireStaffPage } from '@/lib/staff';

export const metadata: Metadata = { title: 'Booking' };

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const staff = await requireStaffPage(`/bookings/${encodeURIComponent(id)}`);
  return (
    <WidgetBoundary title="This booking">
      <BookingDetail id={id} role={staff.role} customerOrigin={customerSiteOrigin()} />
    </WidgetBoundary>
  );
}
