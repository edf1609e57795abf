import type { Metadata } from 'next';
import { Suspense } from 'react';
import Link from 'next/link';
import { can } from '@hibachi/core/auth/permissions';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { BookingsTable } from '@/components/bookings-table';
import { newBookingHref } from '@/lib/new-booking-href';
import { requireStaffPage } from '@/lib/staff';
import { pageParams } from '@/lib/station-choice';

export const metadata: Metadata = { title: 'Bookings' };

export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await pageParams(searchParams);
  const staff = await requireStaffPage(`/bookings${params.size > 0 ? `?${params}` : ''}`);
  const station = staff.station?.name;
  return (
    <section aria-labelledby="bookings-heading">
      <div className="page-header">
        <h1 id="bookings-heading">Bookings{station ? ` · ${station}` : ''}</h1>
        {can(staff.role, 'bookings.create') ? (
          <Link
            className="button"
            href={newBookingHref({ station: params.get('station') ?? undefined })}
          >
            New booking
          </Link>
        ) : null}
      </div>
      <WidgetBoundary title="Bookings">
        <Suspense>
          <BookingsTable showStation={staff.role === 'SUPER_ADMIN' && !params.get('station')} />
        </Suspense>
      </WidgetBoundary>
    </section>
  );
}
