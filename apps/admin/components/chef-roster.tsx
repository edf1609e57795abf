'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChefRow } from '@hibachi/core/stations/chef.schema';
import { api } from '@/lib/api';
import { ChefEditForm, DeactivateChefDialog, NewChefForm } from './chefs/chef-forms';
import { ChefFeedButton } from './season/chef-feed-button';

/**
 * The station's chefs: add one, rename or recolour, deactivate (reassigning their upcoming
 * bookings to free chefs, all or none) and bring back. Checked in the browser with the API's
 * schemas; the calendar and availability follow at once.
 */
export function ChefRoster({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const key = ['chefs', slug];
  const chefs = useQuery({ queryKey: key, queryFn: () => api.chefs({ path: { slug } }) });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: key }),
      queryClient.invalidateQueries({ queryKey: ['calendar'] }),
    ]);
  const add = useMutation({
    mutationFn: (body: { name: string; color: string }) => api.createChef({ path: { slug }, body }),
    onSuccess: refresh,
  });
  const [editing, setEditing] = useState<string | null>(null);
  const rename = useMutation({
    mutationFn: ({ id, name, color }: { id: string; name: string; color: string }) =>
      api.updateChef({ path: { id }, body: { name, color } }),
    onSuccess: async () => {
      setEditing(null);
      await refresh();
    },
  });
  const [leaving, setLeaving] = useState<ChefRow | null>(null);
  const [notice, setNotice] = useState('');
  const deactivate = useMutation({
    mutationFn: ({ id, reassign }: { id: string; reassign: boolean }) =>
      api.deactivateChef({ path: { id }, body: { reassign } }),
    onSuccess: async (result) => {
      setLeaving(null);
      setNotice(
        result.moved.length > 0
          ? `${result.chef.name} is off the roster; ${result.moved.length} booking${result.moved.length === 1 ? '' : 's'} moved to other chefs.`
          : `${result.chef.name} is off the roster.`,
      );
      await refresh();
    },
    onSettled: refresh,
  });
  const activate = useMutation({
    mutationFn: (id: string) => api.activateChef({ path: { id } }),
    onSuccess: async (chef) => {
      setNotice(`${chef.name} is back on the roster.`);
      await refresh();
    },
  });

  if (chefs.isPending) return <p className="muted">Loading chefs…</p>;
  if (chefs.isError) return <p role="alert">Could not load the chefs: {chefs.error.message}</p>;

  return (
    <section className="card chef-roster" aria-labelledby="chefs-heading">
      <h2 id="chefs-heading">Chefs</h2>
      <p role="status" className="small">
        {notice}
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Chef</th>
              <th scope="col">Status</th>
              <th scope="col" className="numeric">
                Upcoming
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {chefs.data.map((chef) =>
              editing === chef.id ? (
                <tr key={chef.id}>
                  <td colSpan={4}>
                    <ChefEditForm
                      chef={chef}
                      pending={rename.isPending}
                      error={rename.error}
                      onSave={(values) => rename.mutate({ id: chef.id, ...values })}
                      onCancel={() => {
                        rename.reset();
                        setEditing(null);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={chef.id} className={chef.active ? undefined : 'muted'}>
                  <td>
                    <span className="swatch" style={{ background: chef.color }} aria-hidden />{' '}
                    {chef.name}
                  </td>
                  <td>{chef.active ? 'Active' : 'Inactive'}</td>
                  <td className="numeric">{chef.futureBookings}</td>
                  <td className="button-group">
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => {
                        rename.reset();
                        setEditing(chef.id);
                      }}
                      aria-label={`Edit ${chef.name}`}
                    >
                      Edit
                    </button>
                    {chef.active ? (
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => {
                          deactivate.reset();
                          setLeaving(chef);
                        }}
                        aria-label={`Deactivate ${chef.name}`}
                      >
                        Deactivate
                      </button>
                    ) : null}
                    {chef.active ? (
                      <ChefFeedButton chef={chef} />
                    ) : (
                      <button
                        type="button"
                        className="button secondary"
                        onClick={() => activate.mutate(chef.id)}
                        disabled={activate.isPending}
                        aria-label={`Activate ${chef.name}`}
                      >
                        Activate
                      </button>
                    )}
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>

      <NewChefForm count={chefs.data.length} add={add} />
      <DeactivateChefDialog
        leaving={leaving}
        deactivate={deactivate}
        onClose={() => setLeaving(null)}
      />
    </section>
  );
}
