import type { Metadata } from 'next';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { LookupForm } from '@/components/manage/lookup-form';

export const metadata: Metadata = { title: 'Manage booking' };

export default function ManagePage() {
  return (
    <WidgetBoundary title="Booking lookup">
      <LookupForm />
    </WidgetBoundary>
  );
}
