'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  dietaryLabel,
  MENU_KIND_LABELS,
  type TMenuItem,
  type TStationMenu,
} from '@hibachi/core/menu/menu.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { formatMoney } from '@hibachi/web/format';
import { ActionNotices } from '@/components/action-notices';
import { api } from '@/lib/api';
import { MenuItemForm } from './menu-item-form';
import type { MenuItemInput } from './menu-item-values';

type Change =
  | { kind: 'create'; fields: MenuItemInput }
  | { kind: 'update'; item: TMenuItem; fields: Partial<MenuItemInput> & { active?: boolean } }
  | { kind: 'delete'; item: TMenuItem };

/**
 * The station's menu (managers): add an item, edit one in place, take one off the menu
 * (deactivate: bookings keep it) or delete one no booking holds. Every write carries the
 * station version read, so two editors never overwrite each other.
 */
export function MenuItemsEditor({ slug }: { slug: string }) {
  const queryClient = useQueryClient();
  const menu = useQuery({
    queryKey: ['station-menu', slug],
    queryFn: () => api.stationMenu({ path: { slug } }),
    throwOnError: true,
  });
  const [editing, setEditing] = useState<string>();
  const [notice, setNotice] = useState('');
  const [formKey, setFormKey] = useState(0);
  const save = useMutation({
    mutationFn: (change: Change): Promise<TStationMenu> => {
      const version = menu.data?.version ?? 0;
      if (change.kind === 'create')
        return api.createMenuItem({ path: { slug }, body: { ...change.fields, version } });
      if (change.kind === 'update')
        return api.updateMenuItem({
          path: { id: change.item.id },
          body: { ...change.fields, version },
        });
      return api.deleteMenuItem({ path: { id: change.item.id }, query: { version } });
    },
    onMutate: () => setNotice(''),
    onSuccess: (next, change) => {
      queryClient.setQueryData(['station-menu', slug], next);
      void queryClient.invalidateQueries({ queryKey: ['station-settings', slug] });
      setEditing(undefined);
      if (change.kind === 'create') setFormKey((key) => key + 1);
      setNotice(
        change.kind === 'create'
          ? `${change.fields.name.trim()} added.`
          : change.kind === 'delete'
            ? `${change.item.name} deleted.`
            : `${change.item.name} saved.`,
      );
    },
    onError: (error) => {
      if (error instanceof ApiError && error.details?.reason === 'STALE_VERSION')
        void menu.refetch();
    },
  });
  const data = menu.data;
  if (!data) return <p className="muted">Loading the menu…</p>;
  const money = data.station;

  return (
    <section className="card menu-items-editor" aria-labelledby="menu-items-heading">
      <h2 id="menu-items-heading">Menu</h2>
      <p className="small muted">
        Guests choose {data.proteinsPerAdult} proteins each (upgrades replace a choice). New prices
        apply to new quotes and to lines a booking adds; every booking keeps what it was quoted.
      </p>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Kind</th>
              <th scope="col" className="numeric">
                Price
              </th>
              <th scope="col">Notes</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((item) =>
              editing === item.id ? (
                <tr key={item.id}>
                  <td colSpan={5}>
                    <MenuItemForm
                      id={`edit-${item.id}`}
                      item={item}
                      currency={money.currency}
                      error={save.error}
                      pending={save.isPending}
                      submitLabel="Save item"
                      onSubmit={(fields) => save.mutate({ kind: 'update', item, fields })}
                      onCancel={() => {
                        save.reset();
                        setEditing(undefined);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={item.id} className={item.active ? undefined : 'muted'}>
                  <td>
                    <strong>{item.name}</strong>
                    {item.active ? '' : ' (off the menu)'}
                    {item.description ? (
                      <span className="small block muted">{item.description}</span>
                    ) : null}
                  </td>
                  <td>{MENU_KIND_LABELS[item.kind]}</td>
                  <td className="numeric">
                    {item.priceCents === 0 ? 'Included' : formatMoney(item.priceCents, money)}
                  </td>
                  <td className="small">{item.dietaryTags.map(dietaryLabel).join(', ')}</td>
                  <td className="row-actions">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing(item.id)}
                    >
                      Edit<span className="visually-hidden"> {item.name}</span>
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      disabled={save.isPending}
                      onClick={() =>
                        save.mutate({ kind: 'update', item, fields: { active: !item.active } })
                      }
                    >
                      {item.active ? 'Take off the menu' : 'Put back on the menu'}
                      <span className="visually-hidden"> {item.name}</span>
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      disabled={save.isPending}
                      onClick={() => save.mutate({ kind: 'delete', item })}
                    >
                      Delete<span className="visually-hidden"> {item.name}</span>
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
      <ActionNotices notice={notice} error={editing ? null : save.error} />
      <details className="add-item">
        <summary>Add an item</summary>
        <MenuItemForm
          key={formKey}
          id="new-item"
          currency={money.currency}
          error={editing ? null : save.error}
          pending={save.isPending}
          submitLabel="Add to the menu"
          onSubmit={(fields) => save.mutate({ kind: 'create', fields })}
        />
      </details>
    </section>
  );
}
