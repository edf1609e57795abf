import type { TTermsVersion } from '@hibachi/core/terms/terms.schema';
import { formatInstant } from '@hibachi/web/format';

/** A version of the station's terms, word for word, with what identifies it. */
export function TermsText({ terms, timezone }: { terms: TTermsVersion; timezone: string }) {
  return (
    <div className="terms">
      <p className="muted small">
        Version {terms.version}, published {formatInstant(terms.createdAt, timezone)} · SHA-256{' '}
        <code title={terms.sha256}>{terms.sha256.slice(0, 12)}…</code>
      </p>
      <div className="terms-text" tabIndex={0} aria-label={`Terms, version ${terms.version}`}>
        {terms.body}
      </div>
    </div>
  );
}
