'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ROLE_LABELS, type StaffRole } from '@hibachi/core/auth/permissions';
import type {
  StaffAccountRow,
  StaffWithLink,
  TUpdateStaff,
} from '@hibachi/core/staff/staff.schema';
import { formatInstant } from '@hibachi/web/format';
import { ActionNotices } from '../action-notices';
import { api } from '@/lib/api';
import { InviteForm } from './invite-form';
import type { Station } from './role-fields';
import { StaffEditForm } from './staff-edit-form';

function statusOf(account: StaffAccountRow): string {
  if (!account.active) return 'Inactive';
  if (account.lockedUntil) return 'Locked';
  if (!account.passwordSet) return 'Invited';
  return 'Active';
}

/**
 * Every staff account (super admins only): invite one (a one-time set-password link, shown
 * once here and e-mailed), change role or station, reset a password, unlock, deactivate.
 */
export function StaffAccounts({ stations, me }: { stations: Station[]; me: string }) {
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: ['staff'], queryFn: () => api.staffAccounts() });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['staff'] });
  const [link, setLink] = useState<StaffWithLink | null>(null);
  const [notice, setNotice] = useState('');
  const [editing, setEditing] = useState<{ id: string; role: StaffRole } | null>(null);
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: TUpdateStaff }) =>
      api.updateStaff({ path: { id }, body }),
    onSuccess: async (account) => {
      setEditing(null);
      setNotice(
        `${account.name} is now ${ROLE_LABELS[account.role]}${account.station ? ` at ${account.station.name}` : ''}.`,
      );
      await refresh();
    },
  });
  const action = useMutation({
    mutationFn: async ({
      account,
      kind,
    }: {
      account: StaffAccountRow;
      kind: 'deactivate' | 'activate' | 'unlock' | 'reset';
    }) => {
      if (kind === 'reset') {
        const result = await api.resetStaffPassword({ path: { id: account.id } });
        setLink(result);
        return `${account.name}'s password is reset: their sessions have ended.`;
      }
      await api[`${kind}Staff`]({ path: { id: account.id } });
      return {
        deactivate: `${account.name} is deactivated and signed out.`,
        activate: `${account.name} may sign in again.`,
        unlock: `${account.name} is unlocked.`,
      }[kind];
    },
    onSuccess: async (message) => {
      setNotice(message);
      await refresh();
    },
  });

  if (accounts.isPending) return <p className="muted">Loading accounts…</p>;
  if (accounts.isError)
    return <p role="alert">Could not load the accounts: {accounts.error.message}</p>;

  return (
    <div className="staff-accounts">
      <ActionNotices notice={notice} error={action.error} />
      {link ? (
        <div className="notice success" role="status">
          <p>
            Send this one-time link to {link.account.name} ({link.account.email}): it works once,
            until {formatInstant(link.expiresAt, 'UTC')} UTC. It has been e-mailed to them too.
          </p>
          <p className="copy-link">
            <input
              readOnly
              aria-label="Set-password link"
              value={link.setPasswordUrl}
              onFocus={(event) => event.currentTarget.select()}
            />
            <button
              type="button"
              className="button secondary"
              onClick={() => void navigator.clipboard?.writeText(link.setPasswordUrl)}
            >
              Copy
            </button>
          </p>
        </div>
      ) : null}

      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Role</th>
              <th scope="col">Station</th>
              <th scope="col">Status</th>
              <th scope="col">Last sign-in</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {accounts.data.map((account) =>
              editing?.id === account.id ? (
                <tr key={account.id}>
                  <td colSpan={7}>
                    <StaffEditForm
                      account={account}
                      stations={stations}
                      role={editing.role}
                      onRole={(role) => setEditing({ id: account.id, role })}
                      pending={update.isPending}
                      error={update.error}
                      onSave={(body) => update.mutate({ id: account.id, body })}
                      onCancel={() => {
                        update.reset();
                        setEditing(null);
                      }}
                    />
                  </td>
                </tr>
              ) : (
                <tr key={account.id} className={account.active ? undefined : 'muted'}>
                  <td>
                    {account.name}
                    {account.id === me ? ' (you)' : ''}
                  </td>
                  <td>{account.email}</td>
                  <td>{ROLE_LABELS[account.role]}</td>
                  <td>{account.station?.name ?? 'All'}</td>
                  <td>{statusOf(account)}</td>
                  <td>
                    {account.lastLoginAt ? formatInstant(account.lastLoginAt, 'UTC') : 'Never'}
                  </td>
                  <td className="button-group">
                    <button
                      type="button"
                      className="button secondary"
                      aria-label={`Change role of ${account.name}`}
                      onClick={() => {
                        update.reset();
                        setEditing({ id: account.id, role: account.role });
                      }}
                    >
                      Role
                    </button>
                    <button
                      type="button"
                      className="button secondary"
                      aria-label={`Reset password of ${account.name}`}
                      onClick={() => action.mutate({ account, kind: 'reset' })}
                    >
                      Reset password
                    </button>
                    {account.lockedUntil ? (
                      <button
                        type="button"
                        className="button secondary"
                        aria-label={`Unlock ${account.name}`}
                        onClick={() => action.mutate({ account, kind: 'unlock' })}
                      >
                        Unlock
                      </button>
                    ) : null}
                    <button
                      type="button"
                      className="button secondary"
                      aria-label={`${account.active ? 'Deactivate' : 'Activate'} ${account.name}`}
                      onClick={() =>
                        action.mutate({ account, kind: account.active ? 'deactivate' : 'activate' })
                      }
                    >
                      {account.active ? 'Deactivate' : 'Activate'}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>

      <InviteForm
        stations={stations}
        onInvited={async (result) => {
          setLink(result);
          setNotice('');
          await refresh();
        }}
      />
    </div>
  );
}
