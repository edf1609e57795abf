import { Histogram } from 'prom-client';

/** The steps of a booking write, in order (see bookings/create-booking.ts). */
export type BookingWriteStep = 'validate' | 'station' | 'window' | 'prepare' | 'statement';

const STEP_BUCKETS = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1];

const globalForSteps = globalThis as unknown as {
  hibachiBookingWriteSteps?: Histogram<'step'>;
};

/** One per process; getMetrics registers it with the process's registry. */
export function bookingWriteHistogram(): Histogram<'step'> {
  globalForSteps.hibachiBookingWriteSteps ??= new Histogram({
    name: 'hibachi_booking_write_seconds',
    help: 'Wall time of each step of a booking write (POST /api/bookings), a retry included',
    labelNames: ['step'],
    buckets: STEP_BUCKETS,
    registers: [],
  });
  return globalForSteps.hibachiBookingWriteSteps;
}

/**
 * A stopwatch for one booking write: each call records the time since the previous one (or
 * since the start) under its step. Where a booking's time goes under load, for operators and
 * `pnpm bench:http`.
 */
export function bookingWriteClock(): (step: BookingWriteStep) => void {
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    bookingWriteHistogram().observe({ step }, (now - last) / 1000);
    last = now;
  };
}
