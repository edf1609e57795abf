'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { TERMS_MAX, type TTermsHistory, type TTermsInput } from '@hibachi/core/terms/terms.schema';
import { TextareaField } from '@hibachi/web/field';
import { formatInstant } from '@hibachi/web/format';
import { useApiForm } from '@hibachi/web/use-api-form';
import { ActionNotices } from '@/components/action-notices';
import { api } from '@/lib/api';
import { TermsTextDialog, type TermsToOpen } from '../terms/terms-text-dialog';
import { termsLength, toTermsInput, toTermsValues, type TermsValues } from './terms-values';

/**
 * The station's terms (managers): the current version, an editor that publishes the text as
 * the next version, and every version with who published it and how many accepted it. A
 * version is never changed, so each acceptance still opens the exact text it accepted.
 */
export function TermsEditor({ slug, timeZone }: { slug: string; timeZone: string }) {
  const queryClient = useQueryClient();
  const history = useQuery({
    queryKey: ['station-terms', slug],
    queryFn: () => api.termsHistory({ path: { slug } }),
    throwOnError: true,
  });
  const [notice, setNotice] = useState('');
  const [open, setOpen] = useState<TermsToOpen>();
  const publish = useMutation({
    mutationFn: (body: TTermsInput) => api.publishTerms({ path: { slug }, body }),
    onMutate: () => setNotice(''),
    onSuccess: (next) => {
      const before = history.data?.current.version;
      queryClient.setQueryData(['station-terms', slug], next);
      setNotice(
        next.current.version === before
          ? `The text is the same as version ${before}: nothing was published.`
          : `Published as version ${next.current.version}.`,
      );
    },
  });
  const data = history.data;
  if (!data) return <p className="muted">Loading the terms…</p>;
  const { current } = data;

  return (
    <section className="card terms-editor" aria-labelledby="terms-heading">
      <h2 id="terms-heading">Terms</h2>
      <p data-testid="terms-current">
        Current: <strong>version {current.version}</strong>, published{' '}
        {formatInstant(current.createdAt, timeZone)}.
      </p>
      <p className="small muted">
        Customers accept these terms when they book online or accept a proposal. Publishing makes a
        new version for bookings from then on; a booking accepted under an older version keeps that
        version, and its text stays here word for word.
      </p>
      <TermsForm
        key={current.version}
        current={current}
        pending={publish.isPending}
        error={publish.error}
        onValid={(body) => publish.mutate(body)}
      />
      <ActionNotices notice={notice} error={publish.error} />
      <TermsVersions history={data} timeZone={timeZone} onOpen={setOpen} />
      {open ? (
        <TermsTextDialog
          slug={slug}
          terms={open}
          timeZone={timeZone}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
    </section>
  );
}

function TermsForm({
  current,
  pending,
  error,
  onValid,
}: {
  current: TTermsHistory['current'];
  pending: boolean;
  error: Error | null;
  onValid: (body: TTermsInput) => void;
}) {
  const [length, setLength] = useState(() => termsLength(current.body));
  const { fields, formProps } = useApiForm<TermsValues, TTermsInput>({
    id: 'station-terms',
    defaultValue: toTermsValues(current),
    toInput: toTermsInput,
    onValid,
    error,
  });
  return (
    <form {...formProps}>
      <TextareaField
        field={fields.body}
        label="Terms text"
        hint={
          <span className={length.over ? 'field-error' : undefined} data-testid="terms-length">
            {length.words}
          </span>
        }
        rows={14}
        maxLength={TERMS_MAX}
        onChange={(event) => setLength(termsLength(event.currentTarget.value))}
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Publishing…' : `Publish as version ${current.version + 1}`}
      </button>
    </form>
  );
}

function TermsVersions({
  history,
  timeZone,
  onOpen,
}: {
  history: TTermsHistory;
  timeZone: string;
  onOpen: (terms: TermsToOpen) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="terms-caption">Versions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">By</th>
            <th scope="col" className="numeric">
              Acceptances
            </th>
            <th scope="col">
              <span className="visually-hidden">Text</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {history.versions.map((version) => (
            <tr key={version.version} data-testid="terms-version">
              <td>
                {version.version}
                {version.version === history.current.version ? ' (current)' : ''}
              </td>
              <td>{formatInstant(version.createdAt, timeZone)}</td>
              <td>
                {version.createdBy ??
                  (version.version === 1 ? 'Written from the settings' : 'Former staff')}
              </td>
              <td className="numeric">{version.acceptances}</td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpen({ version: version.version })}
                >
                  Open version {version.version}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
