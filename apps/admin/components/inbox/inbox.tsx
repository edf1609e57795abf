'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState, type KeyboardEvent } from 'react';
import type { TInboxRow } from '@hibachi/core/conversations/conversation.schema';
import { CheckboxField } from '@hibachi/web/choice-field';
import { Field, fieldOf, SelectField } from '@hibachi/web/field';
import { api } from '@/lib/api';
import { useSearchParamFilter } from '@/lib/use-search-param-filter';
import { useLiveConnected } from '../live/live-updates';
import { ConversationThread } from './conversation-thread';

type Status = 'OPEN' | 'CLOSED' | 'ALL';

/** The search box's id, for the "/" shortcut. */
const SEARCH_ID = 'inbox-q';

/**
 * The station's conversations beside the open one. Live: new messages move a conversation
 * to the top and the thread updates. Keys: ↑/↓ or j/k move through the list, / searches,
 * Enter in the reply box sends.
 */
export function Inbox({ station, me }: { station?: string; me: string }) {
  const { searchParams, setFilter } = useSearchParamFilter({ scroll: false });
  const live = useLiveConnected();
  const [status, setStatus] = useState<Status>('OPEN');
  const [q, setQ] = useState('');
  const [mine, setMine] = useState(false);
  const selected = searchParams.get('c') ?? undefined;

  const list = useQuery({
    queryKey: ['conversations', station ?? '', status, q, mine],
    queryFn: () =>
      api.conversations({
        query: {
          status,
          ...(q ? { q } : {}),
          ...(mine ? { mine: 'true' } : {}),
          ...(station ? { station } : {}),
        },
      }),
    placeholderData: keepPreviousData,
    refetchInterval: live ? false : 30_000,
  });
  const rows = list.data ?? [];

  const select = (id: string | undefined) => setFilter('c', id);

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      const typing =
        event.target instanceof HTMLElement &&
        /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
      if (event.key === '/' && !typing) {
        event.preventDefault();
        document.getElementById(SEARCH_ID)?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const step =
      event.key === 'ArrowDown' || event.key === 'j'
        ? 1
        : event.key === 'ArrowUp' || event.key === 'k'
          ? -1
          : 0;
    if (!step || rows.length === 0) return;
    event.preventDefault();
    const index = rows.findIndex((row) => row.id === selected);
    const next = rows[Math.min(rows.length - 1, Math.max(0, index + step))];
    if (next) {
      select(next.id);
      document.getElementById(`conversation-${next.id}`)?.focus();
    }
  };

  return (
    <div className="inbox">
      <div className="inbox-list">
        <div className="filters">
          <Field
            field={fieldOf(SEARCH_ID, 'q')}
            label="Search by full e-mail or reference"
            hideLabel
            inline
            type="search"
            placeholder="Full e-mail or reference ( / )"
            title="Customer details are encrypted: search a whole e-mail, not part of a name."
            value={q}
            onChange={(event) => setQ(event.target.value)}
          />
          <SelectField
            field={fieldOf('inbox-status', 'status')}
            label="Status"
            hideLabel
            inline
            value={status}
            onChange={(event) => setStatus(event.target.value as Status)}
          >
            <option value="OPEN">Open</option>
            <option value="CLOSED">Closed</option>
            <option value="ALL">All</option>
          </SelectField>
          <CheckboxField
            field={fieldOf('inbox-mine', 'mine')}
            label="Mine"
            className="small"
            checked={mine}
            onChange={(event) => setMine(event.target.checked)}
          />
        </div>
        {list.isPending ? <p className="muted">Loading…</p> : null}
        {list.isSuccess && rows.length === 0 ? (
          <p className="muted">No conversations here.</p>
        ) : null}
        <ul className="inbox-rows" aria-label="Conversations" onKeyDown={onListKey}>
          {rows.map((row) => (
            <InboxRow
              key={row.id}
              row={row}
              active={row.id === selected}
              onSelect={() => select(row.id)}
            />
          ))}
        </ul>
      </div>
      <div className="inbox-thread">
        {selected ? (
          <ConversationThread id={selected} me={me} />
        ) : (
          <p className="muted">Choose a conversation.</p>
        )}
      </div>
    </div>
  );
}

function InboxRow({
  row,
  active,
  onSelect,
}: {
  row: TInboxRow;
  active: boolean;
  onSelect: () => void;
}) {
  const when = new Date(row.lastMessageAt).toLocaleString([], {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return (
    <li>
      <button
        type="button"
        id={`conversation-${row.id}`}
        className={`inbox-row${active ? ' active' : ''}${row.unread > 0 ? ' unread' : ''}`}
        aria-current={active ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="inbox-row-top">
          <strong>{row.customerName}</strong>
          {row.unread > 0 ? <span className="nav-badge">{row.unread}</span> : null}
          <span className="small muted">{when}</span>
        </span>
        <span className="small muted">
          {row.station.name}
          {row.bookingReference ? ` · ${row.bookingReference}` : ''}
          {row.assignedTo ? ` · ${row.assignedTo.name}` : ''}
          {row.status === 'CLOSED' ? ' · closed' : ''}
        </span>
        {row.lastMessage ? <span className="inbox-preview">{row.lastMessage.body}</span> : null}
      </button>
    </li>
  );
}
