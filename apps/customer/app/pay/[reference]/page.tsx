import type { Metadata } from 'next';
import Link from 'next/link';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { PayDeposit } from '@/components/payment/pay-deposit';

export const metadata: Metadata = { title: 'Pay deposit', referrer: 'no-referrer' };

export default async function PayPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { reference } = await params;
  const { token } = await searchParams;
  if (!token) return <MissingToken />;
  return (
    <WidgetBoundary title="Payment">
      <PayDeposit reference={reference} token={token} />
    </WidgetBoundary>
  );
}

function MissingToken() {
  return (
    <p className="notice">
      This payment link is incomplete.{' '}
      <Link href="/manage">Find your booking with its reference and e-mail</Link>.
    </p>
  );
}
