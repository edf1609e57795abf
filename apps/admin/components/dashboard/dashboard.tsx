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
import { DiscountsGiven } from './discounts-given';
import { GratuityByChef, RefundsOwed, StatusTable, TopCustomers } from './dashboard-tables';
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

const MenuChart = dynamic(() => import('./charts').then((module) => module.MenuChart), {
  ssr: false,
  loading: chartSkeleton,
});

const REFRESH_MS = 60_000;

async function figuresFor(range: DateRange, station: string, currency: string): Promise<Figures> {
  const query = new URLSearchParams({
    ...range,
    ...(station ? { station } : {}),
    ...(currency ? { currency } : {}),
  });
  const [bookings, payments, customers, menu, adjustments] = await Promise.all([
    api.bookingKpis({ query }),
    api.paymentAnalytics({ query }),
    api.customerAnalytics({ query }),
    api.menuAnalytics({ query }),
    api.adjustmentAnalytics({ query }),
  ]);
  return { bookings, payments, customers, menu, adjustments };
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
  // Every station's figures are one currency's stations: amounts in two are never added.
  const currency = station ? '' : (searchParams.get('currency') ?? '');
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
    queryKey: ['analytics', station, currency, range.from, range.to],
    queryFn: () => figuresFor(range, station, currency),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
  });
  const before = useQuery({
    queryKey: ['analytics', station, currency, previous.from, previous.to],
    queryFn: () => figuresFor(previous, station, currency),
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

      {figures && figures.bookings.currencies.length > 1 ? (
        <div className="currency-switcher panel" role="group" aria-label="Currency of the figures">
          <span>Figures in</span>
          <div className="segmented">
            {figures.bookings.currencies.map((code) => (
              <button
                key={code}
                type="button"
                className="button secondary"
                aria-pressed={code === figures.bookings.currency}
                onClick={() => navigate({ currency: code })}
              >
                {code}
              </button>
            ))}
          </div>
          <span className="small muted">
            Only the stations that charge in {figures.bookings.currency}: amounts in different
            currencies are never added together.
          </span>
        </div>
      ) : null}

      <KpiCards figures={figures} previous={before.data} />

      <div className="chart-grid">
        {figures ? (
          <>
            <DailyChart kpis={figures.bookings} />
            <MonthlyChart payments={figures.payments} />
            <MethodsChart payments={figures.payments} />
            <MenuChart menu={figures.menu} />
          </>
        ) : (
          [0, 1, 2, 3].map((index) => (
            <div key={index} className="chart panel skeleton" aria-busy="true" />
          ))
        )}
        <StatusTable figures={figures} />
      </div>

      <div className="dashboard-columns">
        <TopCustomers figures={figures} />
        <RefundsOwed figures={figures} />
      </div>
      <GratuityByChef figures={figures} />
      <DiscountsGiven figures={figures} previous={before.data} />
      <CustomerLookup range={range} station={station} />
    </div>
  );
}
