import type { Metadata } from 'next';
import { Suspense, type ReactNode } from 'react';
import { connection } from 'next/server';
import { listStationsForStaff } from '@hibachi/core/auth';
import { can } from '@hibachi/core/auth/permissions';
import { SiteFrame } from '@hibachi/web/site-frame';
import { Providers } from '@hibachi/web/providers';
import { WebVitalsReporter } from '@hibachi/web/web-vitals-reporter';
import { AdminNav } from '@/components/admin-nav';
import { LiveUpdates } from '@/components/live/live-updates';
import { currentStaff } from '@/lib/staff';
import '@hibachi/web/styles.css';
import './admin.css';

export const metadata: Metadata = {
  title: { default: 'Hibachi Admin', template: '%s · Hibachi Admin' },
  robots: { index: false, follow: false },
};

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next.js puts the proxy's CSP nonce on its scripts.
  await connection();
  const staff = await currentStaff();
  // Only the super admin's header has a station switcher; nobody else pays for the query.
  const stations =
    staff && can(staff.role, 'stations.all') ? await listStationsForStaff(staff) : [];
  // The header's unread badge and the pages share one query client and one live connection.
  return (
    <Providers>
      <SiteFrame
        brand="Hibachi Admin"
        footer="Staff area · bookings, calendar and payments"
        mainClassName="container admin-main"
        navigation={
          staff ? (
            <Suspense>
              <AdminNav
                user={{ name: staff.name, role: staff.role, station: staff.station }}
                stations={stations}
              />
            </Suspense>
          ) : null
        }
      >
        {staff && can(staff.role, 'live.view') ? (
          <Suspense>
            <LiveUpdates />
          </Suspense>
        ) : null}
        {children}
        <WebVitalsReporter app="admin" />
      </SiteFrame>
    </Providers>
  );
}
