import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { PaymentReturn } from '@/components/payment/payment-return';

export const metadata: Metadata = { title: 'Payment', referrer: 'no-referrer' };

export default async function PaymentReturnPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ token?: string }>;
}) {
  const { reference } = await params;
  const { token } = await searchParams;
  if (!token) notFound();
  return (
    <WidgetBoundary title="Payment status">
      <PaymentReturn reference={reference} token={token} />
    </WidgetBoundary>
  );
}
