'use client';

import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { OUTBOX_KIND_LABELS } from '@hibachi/core/notifications/outbox.schema';
import { formatInstant } from '@hibachi/web/format';
import { api } from '@/lib/api';
import { EMAIL_STATUS_LABELS } from '@/lib/labels';
import { PagedList } from './paged-list';

/** Outgoing e-mails, newest first: status, attempts, last error, the text; failed ones can be retried. */
export function OutboxList({ timeZone }: { timeZone: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
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
        <div className="field">
          <label htmlFor="outbox-status">Status</label>
          <select
            id="outbox-status"
            value={searchParams.get('status') ?? ''}
            onChange={(event) => {
              const params = new URLSearchParams(searchParams);
              if (event.target.value) params.set('status', event.target.value);
              else params.delete('status');
              router.replace(`${pathname}${params.size > 0 ? `?${params}` : ''}`);
            }}
          >
            <option value="">Any status</option>
            {Object.entries(EMAIL_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="outbox-kind">About</label>
          <select
            id="outbox-kind"
            value={searchParams.get('kind') ?? ''}
            onChange={(event) => {
              const params = new URLSearchParams(searchParams);
              if (event.target.value) params.set('kind', event.target.value);
              else params.delete('kind');
              router.replace(`${pathname}${params.size > 0 ? `?${params}` : ''}`);
            }}
          >
            <option value="">Every e-mail</option>
            {Object.entries(OUTBOX_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
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
