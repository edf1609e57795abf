'use client';

import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { can, ROLE_LABELS, type StaffRole } from '@hibachi/core/auth/permissions';
import { api } from '@/lib/api';
import { toFilterHref } from '@/lib/use-search-param-filter';
import { UnreadBadge } from './inbox/unread-badge';
import { clearOfflineCopies } from '@hibachi/web/offline-copy';

type Station = { slug: string; name: string; active?: boolean };

/**
 * The signed-in header: sections, the station switcher (super admins; the choice lives in
 * the URL as `?station=`), who is signed in, and sign-out.
 */
export function AdminNav({
  user,
  stations,
}: {
  user: { name: string; role: StaffRole; station: Station | null };
  stations: Station[];
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);
  const station = searchParams.get('station') ?? '';
  const withStation = (path: string) =>
    station ? `${path}?station=${encodeURIComponent(station)}` : path;
  const sections = [
    { href: '/dashboard', label: 'Dashboard', show: can(user.role, 'analytics.view') },
    { href: '/my-events', label: 'My events', show: can(user.role, 'myEvents.view') },
    { href: '/calendar', label: 'Calendar', show: can(user.role, 'bookings.view') },
    { href: '/inbox', label: 'Inbox', show: can(user.role, 'conversations.answer') },
    { href: '/bookings', label: 'Bookings', show: can(user.role, 'bookings.view') },
    { href: '/bookings/new', label: 'New booking', show: can(user.role, 'bookings.create') },
    { href: '/prep', label: 'Prep sheet', show: can(user.role, 'prep.view') },
    { href: '/season', label: 'Time off', show: can(user.role, 'chefs.timeOff') },
    { href: '/outbox', label: 'Outbox', show: can(user.role, 'outbox.view') },
    { href: '/settings', label: 'Settings', show: can(user.role, 'stations.settings') },
    { href: '/stations', label: 'Stations', show: can(user.role, 'stations.manage') },
    { href: '/staff', label: 'Staff', show: can(user.role, 'staff.manage') },
    { href: '/customers', label: 'Customers', show: can(user.role, 'customers.privacy') },
  ];

  // The section the page belongs to: the longest match (New booking, not also Bookings).
  const current = sections
    .map((section) => section.href)
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];

  async function signOut(everywhere: boolean) {
    setSigningOut(true);
    try {
      await (everywhere ? api.signOutEverywhere() : api.signOut());
    } finally {
      // Nothing of this person's stays on the device for offline use.
      await clearOfflineCopies().catch(() => {});
      window.location.assign('/sign-in');
    }
  }

  return (
    <div className="admin-nav">
      <nav aria-label="Main">
        {sections
          .filter((section) => section.show)
          .map((section) => (
            <Link
              key={section.href}
              href={withStation(section.href)}
              aria-current={section.href === current ? 'page' : undefined}
            >
              {section.label}
              {section.href === '/inbox' ? <UnreadBadge station={station} /> : null}
            </Link>
          ))}
      </nav>
      {can(user.role, 'stations.all') ? (
        <label className="station-switcher">
          <span className="visually-hidden">Station</span>
          <select
            value={station}
            onChange={(event) => {
              const base =
                [
                  '/outbox',
                  '/calendar',
                  '/dashboard',
                  '/settings',
                  '/prep',
                  '/inbox',
                  '/bookings/new',
                ].find((path) => pathname.startsWith(path)) ?? '/bookings';
              router.push(
                toFilterHref(base, searchParams, {
                  station: event.target.value,
                  cursor: undefined,
                }),
              );
            }}
          >
            <option value="">All stations</option>
            {stations.map((option) => (
              <option key={option.slug} value={option.slug}>
                {option.active === false ? `${option.name} (closed)` : option.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <div className="who">
        <span>
          <strong>{user.name}</strong> · {ROLE_LABELS[user.role]}
          {user.station ? ` · ${user.station.name}` : ''}
        </span>
        <button
          type="button"
          className="link-button"
          onClick={() => void signOut(false)}
          disabled={signingOut}
        >
          Sign out
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => void signOut(true)}
          disabled={signingOut}
          title="Ends your sessions on every device"
        >
          Sign out everywhere
        </button>
      </div>
    </div>
  );
}
