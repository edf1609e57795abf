'use client';

import dynamic from 'next/dynamic';

/** The calendar only renders in the browser (it measures the DOM); other pages never load its code. */
export const CalendarLoader = dynamic(
  () => import('./calendar-workspace').then((module) => module.CalendarWorkspace),
  {
    ssr: false,
    loading: () => (
      <p role="status" className="muted">
        Loading the calendar…
      </p>
    ),
  },
);
