'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import dynamic from 'next/dynamic';
import Link from 'next/link';
import type { TCreatedBooking } from '@hibachi/core/bookings/create-booking.schema';
import { api } from '@/lib/api';
import type { TAvailabilityDays } from '@hibachi/core/availability/availability.schema';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { DEFAULT_DURATION_MINUTES, EMPTY_DETAILS, type DetailsValues } from './booking-form';
import { DateTimeStep } from './date-time-step';
import { pickerItems, toSelection, type Choices } from '@hibachi/web/menu-choices';

// The first step comes with the page; the later ones (forms, menu picker, quote) load as
// their own chunks once a date is picked, so the page's first load is the date picker only.
const loadDetails = () => import('./details-step').then((module) => module.DetailsStep);
const loadMenu = () => import('./menu-step').then((module) => module.MenuStep);
const loadReview = () => import('./review-step').then((module) => module.ReviewStep);
const loadConfirmation = () =>
  import('./confirmation-step').then((module) => module.ConfirmationStep);
const stepLoading = () => (
  <p aria-busy="true" className="muted">
    Loading…
  </p>
);
const DetailsStep = dynamic(loadDetails, { loading: stepLoading });
const MenuStep = dynamic(loadMenu, { loading: stepLoading });
const ReviewStep = dynamic(loadReview, { loading: stepLoading });
const ConfirmationStep = dynamic(loadConfirmation, { loading: stepLoading });

function preloadLaterSteps() {
  void Promise.all([loadDetails(), loadMenu(), loadReview(), loadConfirmation()]).catch(() => {
    // A failed preload is retried when the step opens (and reported there if it fails again).
  });
}

/** "12 × Chicken, 4 × Filet mignon, Gyoza platter": the choices in words. */
function toMenuWords(
  items: readonly { id: string; name: string; kind: string }[],
  choices: Choices,
) {
  return items
    .filter((item) => (choices[item.id] ?? 0) > 0)
    .map((item) => (item.kind === 'ADDON' ? item.name : `${choices[item.id] ?? 0} × ${item.name}`))
    .join(', ');
}

type Step = 'when' | 'details' | 'menu' | 'review' | 'deposit';
const STEPS: { id: Step; label: string }[] = [
  { id: 'when', label: 'Date and time' },
  { id: 'details', label: 'Details' },
  { id: 'menu', label: 'Menu' },
  { id: 'review', label: 'Review' },
  { id: 'deposit', label: 'Deposit' },
];

/**
 * Moves focus to the new step's heading after a step change (not on the first render), once it
 * is on the page: a keyboard or screen-reader user lands at the start of what they now see.
 */
function useFocusOnStep(step: Step) {
  const root = useRef<HTMLDivElement>(null);
  const shown = useRef(step);
  const pending = useRef(false);
  useEffect(() => {
    if (shown.current !== step) {
      shown.current = step;
      pending.current = true;
    }
    const container = root.current;
    if (!pending.current || !container) return;
    const focusHeading = () => {
      const heading = container.querySelector<HTMLElement>('.step h2');
      if (!heading) return false;
      pending.current = false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    // A step whose chunk is still loading: its heading comes a moment later.
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  });
  return root;
}

/** What the server rendered the first step with (absent while the database is unreachable). */
export type WizardStart = {
  stations: TStationSummary[];
  days?: { from: string; durationMinutes: number; data: TAvailabilityDays };
};

export function BookingWizard({
  stationSlug,
  start,
}: {
  stationSlug: string;
  start?: WizardStart;
}) {
  const stations = useQuery({
    queryKey: ['stations'],
    queryFn: api.stations,
    initialData: start?.stations,
    throwOnError: true,
  });
  const station = stations.data?.find((candidate) => candidate.slug === stationSlug);
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>('when');
  const root = useFocusOnStep(step);
  const [durationMinutes, setDuration] = useState(DEFAULT_DURATION_MINUTES);
  const [date, setDate] = useState<string>();
  const [time, setTime] = useState<string>();
  const [details, setDetails] = useState<DetailsValues>(EMPTY_DETAILS);
  const [choices, setChoices] = useState<Choices>({});
  useEffect(() => {
    if (date) preloadLaterSteps();
  }, [date]);
  const [decideLater, setDecideLater] = useState(false);
  // The menu loads while the customer picks a date (it is the station's, cached).
  const menu = useQuery({
    queryKey: ['menu', stationSlug],
    queryFn: () => api.menu(stationSlug),
    throwOnError: true,
  });
  // The booking's last refusal of the details (the review step's 400), shown on their fields.
  const [detailsError, setDetailsError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [booking, setBooking] = useState<TCreatedBooking>();
  // One Idempotency-Key per distinct request body, kept across retries and step changes, so a
  // retry after a lost response returns the booking already made instead of making another.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const idempotencyKeyFor = (body: string) => {
    if (attempt.current?.body !== body) attempt.current = { body, key: crypto.randomUUID() };
    return attempt.current.key;
  };

  if (stations.isPending)
    return (
      <p aria-busy="true" className="muted">
        Loading…
      </p>
    );
  if (!station) {
    return (
      <p className="notice">
        We do not serve that location. <Link href="/">See our locations</Link>
      </p>
    );
  }
  const selection =
    date && time ? { station: station.slug, date, time, durationMinutes } : undefined;

  return (
    <div className="wizard" ref={root}>
      <h1>Book a chef in {station.name}</h1>
      <ol className="progress" aria-label="Booking steps">
        {STEPS.map((item, index) => (
          <li
            key={item.id}
            aria-current={item.id === step ? 'step' : undefined}
            className={item.id === step ? 'current' : undefined}
          >
            <span aria-hidden="true">{index + 1}</span> {item.label}
          </li>
        ))}
      </ol>
      {notice ? (
        <p className="notice" role="alert">
          {notice}
        </p>
      ) : null}
      {step === 'when' || !selection ? (
        <DateTimeStep
          station={station}
          initialDays={start?.days}
          durationMinutes={durationMinutes}
          date={date}
          time={time}
          onChange={(next) => {
            setNotice(undefined);
            if (next.durationMinutes !== undefined) setDuration(next.durationMinutes);
            if ('date' in next) setDate(next.date ?? date);
            if ('time' in next) setTime(next.time);
          }}
          onContinue={() => setStep('details')}
        />
      ) : step === 'details' ? (
        <DetailsStep
          selection={selection}
          money={station}
          values={details}
          error={detailsError}
          onBack={(values) => {
            setDetails(values);
            setStep('when');
          }}
          onContinue={(next, values) => {
            setDetails(values);
            setDetailsError(undefined);
            setStep(next);
          }}
        />
      ) : step === 'menu' ? (
        menu.data ? (
          <MenuStep
            menu={menu.data}
            selection={selection}
            details={details}
            choices={choices}
            decideLater={decideLater}
            onChange={(next) => {
              if (next.choices) setChoices(next.choices);
              if (next.decideLater !== undefined) setDecideLater(next.decideLater);
            }}
            onBack={() => setStep('details')}
            onContinue={() => setStep('review')}
          />
        ) : (
          <p aria-busy="true" className="muted">
            Loading the menu…
          </p>
        )
      ) : step === 'review' ? (
        <ReviewStep
          station={station}
          selection={selection}
          details={details}
          menu={toSelection(pickerItems(menu.data?.items ?? []), choices)}
          menuWords={toMenuWords(menu.data?.items ?? [], choices)}
          onBack={() => setStep('menu')}
          idempotencyKeyFor={idempotencyKeyFor}
          onSlotTaken={(message) => {
            setNotice(message);
            setTime(undefined);
            void queryClient.invalidateQueries({ queryKey: ['availability'] });
            void queryClient.invalidateQueries({ queryKey: ['availability-days'] });
            setStep('when');
          }}
          onInvalid={(error, fields) => {
            const when = fields.date?.[0] ?? fields.time?.[0];
            setDetailsError(error);
            setStep(
              when
                ? 'when'
                : Object.keys(fields).some((name) => name.startsWith('menu'))
                  ? 'menu'
                  : 'details',
            );
            if (when) setNotice(when);
          }}
          onCreated={(created) => {
            setBooking(created);
            setStep('deposit');
          }}
        />
      ) : booking ? (
        <ConfirmationStep booking={booking} money={station} />
      ) : null}
    </div>
  );
}
