'use client';

import { useState } from 'react';
import type { StaffBookingDetail } from '@hibachi/core/bookings';
import { formatInstant, moneyOf } from '@hibachi/web/format';
import { AdjustmentDialog } from './adjustment-dialog';
import { adjustmentSize } from './adjustment-values';

/**
 * The discounts and surcharges on the booking's price, each with its label (what the customer
 * sees), size, reason and who gave it when; and for staff who may, one more.
 */
export function AdjustmentsCard({
  booking,
  mayAdjust,
  onOutcome,
}: {
  booking: StaffBookingDetail;
  mayAdjust: boolean;
  onOutcome: (message: string) => void;
}) {
  // Each opening starts the dialog afresh (no earlier answer or typing).
  const [opening, setOpening] = useState({ open: false, count: 0 });
  const tz = booking.station.timezone;
  const money = moneyOf(booking);
  return (
    <section className="card" aria-labelledby="adjustments-heading">
      <h2 id="adjustments-heading">Discounts and surcharges</h2>
      {booking.adjustments.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="plain-list" aria-label="Discounts and surcharges">
          {booking.adjustments.map((adjustment) => (
            <li key={adjustment.id} data-testid="adjustment">
              <strong>{adjustment.label}</strong> {adjustmentSize(adjustment, money)}
              <span className="small block">Reason: {adjustment.reason}</span>
              <span className="small block muted">
                {adjustment.kind === 'DISCOUNT' ? 'Discount' : 'Surcharge'} by{' '}
                {adjustment.createdBy ?? 'a former staff member'},{' '}
                {formatInstant(adjustment.createdAt, tz)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayAdjust ? (
        <button
          type="button"
          className="button secondary"
          onClick={() => setOpening(({ count }) => ({ open: true, count: count + 1 }))}
        >
          Add discount or surcharge
        </button>
      ) : null}
      {/* Mounted only while open: a closed dialog's fields would share the page's labels. */}
      {mayAdjust && opening.open ? (
        <AdjustmentDialog
          key={opening.count}
          booking={booking}
          open={opening.open}
          onClose={() => setOpening(({ count }) => ({ open: false, count }))}
          onOutcome={onOutcome}
        />
      ) : null}
    </section>
  );
}
