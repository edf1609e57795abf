'use client';

import type { ComponentProps } from 'react';
import { Providers } from '@hibachi/web/providers';
import { BookingDetails } from './booking-details';

/** A looked-up booking with its actions, and the data library they need (loaded with it). */
export function FoundBooking(props: ComponentProps<typeof BookingDetails>) {
  return (
    <Providers>
      <BookingDetails {...props} />
    </Providers>
  );
}
