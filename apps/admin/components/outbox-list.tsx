'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { OUTBOX_KIND_LABELS } from '@hibachi/core/notifications/outbox.schema';
import { fieldOf, SelectField } from '@hibachi/web/field';
import { formatInstant } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { EMAIL_STATUS_LABELS } from '@/lib/labels';
import { useSearchParamFilter } from '@/lib/use-search-param-filter';
import { PagedList } from './paged-list';

/** Outgoing e-mails, newest first: status, attempts, last error, the text; failed ones can be retried. */
export function OutboxList({ timeZone }: { timeZone: string }) {
  const { searchParams, setFilter } = useSearchParamFilter();
  const queryClient = useQueryClient();
  const filters = new URLSearchParams();
  for (const name of ['status', 'kind', 'station']) {
    const value = searchParams.get(name);
    if (value) filters.set(name, value);
  }
  const key = filters.toString();

  const query = useInfiniteQuery({
    queryKey: ['outbox', key],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams(key);
      if (pageParam) params.set('cursor', pageParam);
      return api.outbox({ query: params });
    },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: 15_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => api.retryEmail({ path: { id } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['outbox'] }),
  });
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div>
      <div className="filters">
        <SelectField
          field={fieldOf('outbox-status', 'status')}
          label="Status"
          value={searchParams.get('status') ?? ''}
          onChange={(event) => setFilter('status', event.target.value)}
        >
          <option value="">Any status</option>
          {Object.entries(EMAIL_STATUS_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <SelectField
          field={fieldOf('outbox-kind', 'kind')}
          label="About"
          value={searchParams.get('kind') ?? ''}
          onChange={(event) => setFilter('kind', event.target.value)}
        >
          <option value="">Every e-mail</option>
          {Object.entries(OUTBOX_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
      </div>
      {retry.error ? (
        <p className="notice error" role="alert">
          {retry.error.message}
        </p>
      ) : null}
      <PagedList query={query} count={rows.length} noun="E-mails" empty="No e-mails here.">
        <ul className="outbox">
          {rows.map((email) => (
            <li key={email.id} className="card">
              <div className="outbox-head">
                <span className={`email-status email-${email.status.toLowerCase()}`}>
                  {EMAIL_STATUS_LABELS[email.status]}
                </span>
                <strong>{email.subject}</strong>
                {email.booking ? (
                  <Link className="reference" href={`/bookings/${email.booking.id}`}>
                    {email.booking.reference}
                  </Link>
                ) : null}
              </div>
              <p className="small muted">
                To {email.recipient} · queued {formatInstant(email.createdAt, timeZone)}
                {email.sentAt ? ` · sent ${formatInstant(email.sentAt, timeZone)}` : ''} ·{' '}
                {email.attempts} attempt{email.attempts === 1 ? '' : 's'}
              </p>
              {email.lastError ? (
                <p className="small field-error">Last error: {email.lastError}</p>
              ) : null}
              <details>
                <summary>Show the e-mail</summary>
                <pre className="email-text">{email.text}</pre>
              </details>
              {email.status === 'FAILED' ? (
                <button
                  type="button"
                  className="button secondary"
                  disabled={retry.isPending}
                  onClick={() => retry.mutate(email.id)}
                >
                  Send again
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </PagedList>
    </div>
  );
}
