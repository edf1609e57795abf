'use client';

import { useState, type ReactNode } from 'react';
import { linesFor } from '@hibachi/core/menu/menu-selection';
import type { TMenuItem, TMenuLine, TMenuSelection } from '@hibachi/core/menu/menu.schema';
import {
  calculateQuote,
  type QuotePrices,
  type TravelCharge,
} from '@hibachi/core/pricing/calculate-quote';
import { formatMoney, type MoneyFormat } from './format';
import { MenuPicker } from './menu-picker';
import {
  choiceIssues,
  choicesOf,
  pickerItems,
  proteinsChosen,
  toSelection,
  type Choices,
} from './menu-choices';
import { QuoteLines } from './quote-lines';

/** What a booking brings to the editor: its party, menu and the prices it was quoted at. */
export type EditableBooking = {
  adults: number;
  children: number;
  depositCents: number;
  paidCents: number;
  menu: { lines: TMenuLine[]; proteinsPerAdult: number; proteinsDecided: boolean };
  pricing: Omit<QuotePrices, 'depositCents'> & { travel: TravelCharge | null };
};

export type PartyMenuChange = { adults: number; children: number; menu: TMenuSelection };

const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text) : Number.NaN);

/**
 * A booking's party and menu as a form (customer manage page and staff booking page): the new
 * price previewed with the booking's own prices through the server's pricing rule, the deposit
 * paid left as it is. The caller saves (`onSubmit`) and shows the server's answer (`notice`).
 */
export function PartyMenuEditor({
  id,
  booking,
  menuItems,
  money,
  intro,
  notice,
  busy,
  submitLabel = 'Save changes',
  cancelLabel = 'Keep as it was',
  onSubmit,
  onCancel,
}: {
  id: string;
  booking: EditableBooking;
  /** The station's menu now (items the booking holds that are off it stay choosable). */
  menuItems: readonly TMenuItem[];
  money: MoneyFormat;
  intro?: ReactNode;
  notice?: ReactNode;
  busy: boolean;
  submitLabel?: string;
  cancelLabel?: string;
  onSubmit: (change: PartyMenuChange) => void;
  onCancel: () => void;
}) {
  const [adults, setAdults] = useState(String(booking.adults));
  const [children, setChildren] = useState(String(booking.children));
  const [choices, setChoices] = useState<Choices>(choicesOf(booking.menu.lines));
  const [decideLater, setDecideLater] = useState(!booking.menu.proteinsDecided);
  const [submitted, setSubmitted] = useState(false);

  const party = { adults: whole(adults), children: whole(children) };
  const partyOk =
    Number.isInteger(party.adults) &&
    Number.isInteger(party.children) &&
    party.adults >= 1 &&
    party.adults + party.children <= 50;
  const items = pickerItems(
    menuItems.filter((item) => item.active),
    booking.menu.lines,
  );
  const { proteinsPerAdult } = booking.menu;
  const issues = partyOk ? choiceIssues({ items, choices, party, proteinsPerAdult }) : [];
  const wanted = partyOk ? party.adults * proteinsPerAdult : 0;
  const incomplete =
    !decideLater && proteinsPerAdult > 0 && proteinsChosen(items, choices) !== wanted;
  const selection = toSelection(items, choices);
  const preview =
    partyOk && issues.length === 0
      ? calculateQuote({
          prices: { ...booking.pricing, depositCents: booking.depositCents },
          money,
          party,
          lines: linesFor(selection, items, booking.menu.lines),
          travel: booking.pricing.travel,
        })
      : undefined;
  const shownIssues = [
    ...issues,
    ...(submitted && incomplete && issues.length === 0
      ? [`Choose ${wanted} proteins in all, or decide them later`]
      : []),
  ];

  return (
    <form
      className="menu-editor details-layout"
      aria-labelledby={`${id}-heading`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setSubmitted(true);
        if (!partyOk || issues.length > 0 || incomplete) return;
        onSubmit({ adults: party.adults, children: party.children, menu: selection });
      }}
    >
      <div>
        <h3 id={`${id}-heading`}>Change the party and menu</h3>
        {intro}
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-adults`}>Adults</label>
            <input
              id={`${id}-adults`}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={adults}
              onChange={(event) => setAdults(event.target.value)}
              aria-invalid={!partyOk || undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-children`}>Children (under 12)</label>
            <input
              id={`${id}-children`}
              type="number"
              inputMode="numeric"
              min={0}
              max={49}
              value={children}
              onChange={(event) => setChildren(event.target.value)}
              aria-invalid={!partyOk || undefined}
            />
          </div>
        </div>
        {!partyOk ? (
          <p className="field-error" role="alert">
            A party is 1 to 50 guests, at least one of them an adult.
          </p>
        ) : null}
        <MenuPicker
          id={`${id}-menu`}
          items={items}
          money={money}
          party={partyOk ? party : booking}
          proteinsPerAdult={proteinsPerAdult}
          choices={choices}
          onChange={setChoices}
          decideLater={decideLater}
          onDecideLater={setDecideLater}
          issues={shownIssues}
        />
        {notice}
        <div className="actions">
          <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
            {cancelLabel}
          </button>
          <button type="submit" className="button" disabled={busy} aria-busy={busy}>
            {busy ? 'Saving…' : submitLabel}
          </button>
        </div>
      </div>
      <aside className="quote" aria-labelledby={`${id}-preview`} aria-live="polite">
        <h3 id={`${id}-preview`}>New price</h3>
        {preview ? (
          <>
            <QuoteLines quote={preview} money={money} depositLabel="Deposit" />
            <p className="muted small">
              Paid so far: {formatMoney(booking.paidCents, money)}. The deposit stays as it is; the
              balance changes.
            </p>
          </>
        ) : (
          <p className="muted">Fix the choices to see the price.</p>
        )}
      </aside>
    </form>
  );
}
