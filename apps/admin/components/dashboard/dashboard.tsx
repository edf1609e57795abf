'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import dynamic from 'next/dynamic';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';
import {
  isPreset,
  presetRange,
  previousRange,
  todayIn,
  type DateRange,
  type RangePreset,
} from '@/lib/date-ranges';
import { CustomerLookup } from './customer-lookup';
import { RefundsOwed, StatusTable, TopCustomers } from './dashboard-tables';
import { KpiCards, type Figures } from './kpi-cards';
import { RangeControls } from './range-controls';

// recharts is only fetched by this page, after the figures are on screen.
const chartSkeleton = () => <div className="chart panel skeleton" aria-busy="true" />;
const DailyChart = dynamic(() => import('./charts').then((module) => module.DailyChart), {
  ssr: false,
  loading: chartSkeleton,
});
const MonthlyChart = dynamic(() => import('./charts').then((module) => module.MonthlyChart), {
  ssr: false,
  loading: chartSkeleton,
});
const MethodsChart = dynamic(() => import('./charts').then((module) => module.MethodsChart), {
  ssr: false,
  loading: chartSkeleton,
});

const REFRESH_MS = 60_000;

async function figuresFor(range: DateRange, station: string): Promise<Figures> {
  const query = new URLSearchParams({ ...range, ...(station ? { station } : {}) });
  const [bookings, payments, customers] = await Promise.all([
    api.bookingKpis({ query }),
    api.paymentAnalytics({ query }),
    api.customerAnalytics({ query }),
  ]);
  return { bookings, payments, customers };
}

/**
 * The dashboard: KPI cards against the previous period, charts, top customers, owed refunds,
 * a customer lookup and a CSV export for a range (presets or custom, in the URL with the
 * station). Figures come from core's one-statement analytics.
 */
export function Dashboard({ timeZone, stationName }: { timeZone?: string; stationName: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const station = searchParams.get('station') ?? '';
  const rangeParam = searchParams.get('range');
  const preset: RangePreset = isPreset(rangeParam) ? rangeParam : 'last-30-days';
  const today = todayIn(timeZone);
  const range: DateRange =
    preset === 'custom'
      ? {
          from: searchParams.get('from') ?? presetRange('last-30-days', today).from,
          to: searchParams.get('to') ?? today,
        }
      : presetRange(preset, today);
  const previous = previousRange(range);

  const current = useQuery({
    queryKey: ['analytics', station, range.from, range.to],
    queryFn: () => figuresFor(range, station),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const before = useQuery({
    queryKey: ['analytics', station, previous.from, previous.to],
    queryFn: () => figuresFor(previous, station),
    enabled: current.isSuccess,
  });

  const navigate = (changes: Record<string, string | undefined>) => {
    const params = new URLSearchParams(searchParams);
    for (const [name, value] of Object.entries(changes))
      if (value) params.set(name, value);
      else params.delete(name);
    router.replace(`${pathname}?${params}`, { scroll: false });
  };
  const rangeError =
    current.error instanceof ApiError && current.error.status === 400
      ? Object.values(current.error.details ?? {})
          .flat()
          .join(' ')
      : undefined;
  const figures = current.data;

  return (
    <div className="dashboard">
      <RangeControls
        preset={preset}
        range={range}
        station={station}
        stationName={stationName}
        updating={current.isFetching}
        navigate={navigate}
      />

      {rangeError ? (
        <p className="notice error" role="alert">
          {rangeError}
        </p>
      ) : current.isError ? (
        <p className="notice error" role="alert">
          The figures could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void current.refetch()}>
            Try again
          </button>
        </p>
      ) : null}

      <KpiCards figures={figures} previous={before.data} />

      <div className="chart-grid">
        {figures ? (
          <>
            <DailyChart kpis={figures.bookings} />
            <MonthlyChart payments={figures.payments} />
            <MethodsChart payments={figures.payments} />
          </>
        ) : (
          [0, 1, 2].map((index) => (
            <div key={index} className="chart panel skeleton" aria-busy="true" />
          ))
        )}
        <StatusTable figures={figures} />
      </div>

      <div className="dashboard-columns">
        <TopCustomers figures={figures} />
        <RefundsOwed figures={figures} />
      </div>
      <CustomerLookup range={range} station={station} />
    </div>
  );
}
