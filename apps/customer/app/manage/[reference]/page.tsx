import type { Metadata } from 'next';
import Link from 'next/link';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { BookingByToken } from '@/components/manage/booking-by-token';

export const metadata: Metadata = { title: 'Your booking', referrer: 'no-referrer' };

export default async function ManageBookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { reference } = await params;
  const { token } = await searchParams;
  if (!token) {
    return (
      <p className="notice">
        This link is incomplete.{' '}
        <Link href="/manage">Find your booking with its reference and e-mail</Link>.
      </p>
    );
  }
  return (
    <WidgetBoundary title="Your booking">
      <BookingByToken reference={reference} token={token} />
    </WidgetBoundary>
  );
}
