import Link from 'next/link';
import type { ReactNode } from 'react';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';

type PageProps = {
  params: Promise<{ reference: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export type BookingLink = {
  reference: string;
  token: string;
  query: Record<string, string | undefined>;
};

/**
 * A page reached from a signed booking link (`/…/REF?token=…`): reads the reference and
 * token, explains an incomplete link, and renders the widget inside an error boundary.
 */
export function bookingLinkPage(title: string, render: (link: BookingLink) => ReactNode) {
  return async function BookingLinkPage({ params, searchParams }: PageProps) {
    const { reference } = await params;
    const query = Object.fromEntries(
      Object.entries(await searchParams).map(([key, value]) => [
        key,
        Array.isArray(value) ? value[0] : value,
      ]),
    );
    if (!query.token) {
      return (
        <>
          <h1>{title}</h1>
          <p className="notice">
            This link is incomplete.{' '}
            <Link href="/manage">Find your booking with its reference and e-mail</Link>.
          </p>
        </>
      );
    }
    return (
      <WidgetBoundary title={title}>
        {render({ reference, token: query.token, query })}
      </WidgetBoundary>
    );
  };
}
