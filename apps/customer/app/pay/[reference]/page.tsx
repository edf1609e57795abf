import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Pay deposit', referrer: 'no-referrer' };

/**
 * Where `paymentUrl` points. Online deposit payment (Stripe, or the local test
 * simulator) is not live yet; this page says so plainly and charges nothing.
 */
export default async function PayPage({ params, searchParams }: { params: Promise<{ reference: string }>; searchParams: Promise<{ token?: string }> }) {
  const { reference } = await params;
  const { token } = await searchParams;
  const manage = token ? `/manage/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}` : '/manage';
  return (
    <section className="panel" aria-labelledby="pay-heading">
      <h1 id="pay-heading">Deposit for {reference}</h1>
      <p className="notice" role="status">
        Online deposit payment is not available yet, and nothing has been charged. Your slot stays held until the time shown on your booking,
        then the hold lapses.
      </p>
      <Link className="button" href={manage}>
        View your booking
      </Link>
    </section>
  );
}
