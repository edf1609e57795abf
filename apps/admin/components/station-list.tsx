'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import type {
  StationAdminRow,
  TCreateStation,
} from '@hibachi/core/stations/station-settings.schema';
import { api } from '@/lib/api';
import { ActionNotices } from './action-notices';
import { NewStationForm } from './stations/new-station-form';

const settingsHref = (slug: string) => `/settings?station=${encodeURIComponent(slug)}`;

/**
 * Every station (super admins only): open or closed to customers, chefs, upcoming bookings
 * and staff; open or close one; add one. A new station starts closed with the default hours
 * and prices, to be prepared in Settings (hours, prices, chefs) and then opened.
 */
export function StationList() {
  const queryClient = useQueryClient();
  const stations = useQuery({ queryKey: ['stations'], queryFn: () => api.stations() });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['stations'] });
  const [notice, setNotice] = useState('');
  const create = useMutation({
    mutationFn: (body: TCreateStation) => api.createStation({ body }),
    onSuccess: async (station) => {
      setNotice(
        `${station.name} is added and closed to customers: set its hours, prices and chefs in Settings, then open it.`,
      );
      await refresh();
    },
  });
  const openOrClose = useMutation({
    mutationFn: (station: StationAdminRow) =>
      station.active
        ? api.deactivateStation({ path: { slug: station.slug } })
        : api.activateStation({ path: { slug: station.slug } }),
    onSuccess: async (station) => {
      setNotice(
        station.active
          ? `${station.name} is open: customers can book it now.`
          : `${station.name} is closed: customers no longer see it.`,
      );
      await refresh();
    },
  });

  if (stations.isPending) return <p className="muted">Loading stations…</p>;
  if (stations.isError)
    return <p role="alert">Could not load the stations: {stations.error.message}</p>;

  return (
    <div className="station-list">
      <ActionNotices notice={notice} error={openOrClose.error} />
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Station</th>
              <th scope="col">Address</th>
              <th scope="col">Time zone</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Chefs
              </th>
              <th scope="col" className="numeric">
                Upcoming bookings
              </th>
              <th scope="col" className="numeric">
                Staff
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {stations.data.map((station) => (
              <tr key={station.id} className={station.active ? undefined : 'muted'}>
                <td>
                  <Link href={settingsHref(station.slug)}>{station.name}</Link>
                </td>
                <td>
                  <code>/book/{station.slug}</code>
                </td>
                <td>{station.timezone.replaceAll('_', ' ')}</td>
                <td>{station.active ? 'Open' : 'Closed'}</td>
                <td className="numeric">{station.activeChefs}</td>
                <td className="numeric">{station.upcomingBookings}</td>
                <td className="numeric">{station.staff}</td>
                <td>
                  <button
                    type="button"
                    className="button secondary"
                    aria-label={`${station.active ? 'Close' : 'Open'} ${station.name}`}
                    disabled={openOrClose.isPending}
                    onClick={() => {
                      setNotice('');
                      openOrClose.mutate(station);
                    }}
                  >
                    {station.active ? 'Close' : 'Open'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <NewStationForm create={create} onSubmit={() => setNotice('')} />
    </div>
  );
}
