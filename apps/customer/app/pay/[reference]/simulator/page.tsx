import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { PaymentSimulator } from '@/components/payment/payment-simulator';

export const metadata: Metadata = {
  title: 'Test payment',
  referrer: 'no-referrer',
  robots: { index: false },
};

export default async function SimulatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ reference: string }>;
  searchParams: Promise<{ token?: string; session?: string }>;
}) {
  const { reference } = await params;
  const { token, session } = await searchParams;
  if (!token || !session) notFound();
  return (
    <WidgetBoundary title="Test payment">
      <PaymentSimulator reference={reference} token={token} session={session} />
    </WidgetBoundary>
  );
}
