'use client';

import { useState, type ReactNode } from 'react';
import { linesFor } from '@hibachi/core/menu/menu-selection';
import type { TMenuItem, TMenuLine, TMenuSelection } from '@hibachi/core/menu/menu.schema';
import {
  calculateQuote,
  type PriceAdjustment,
  type QuotePrices,
  type TravelCharge,
} from '@hibachi/core/pricing/calculate-quote';
import { Field } from './form/field';
import { useApiForm } from './form/use-api-form';
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
  pricing: Omit<QuotePrices, 'depositCents'> & {
    travel: TravelCharge | null;
    /** Staff's discounts and surcharges: the preview applies them as the server does. */
    adjustments?: PriceAdjustment[];
  };
};

export type PartyMenuChange = { adults: number; children: number; menu: TMenuSelection };

type Party = { adults: number; children: number };
type PartyValues = { adults: string; children: string };
const PARTY_RULE = 'A party is 1 to 50 guests, at least one of them an adult.';

const whole = (text: string | undefined) =>
  text !== undefined && /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;

/** The party as typed: whole numbers, NaN for anything else. */
export function toParty(values: Partial<PartyValues>): Party {
  return { adults: whole(values.adults), children: whole(values.children) };
}

const isParty = (party: Party) =>
  Number.isInteger(party.adults) &&
  Number.isInteger(party.children) &&
  party.adults >= 1 &&
  party.adults + party.children <= 50;

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
  const [choices, setChoices] = useState<Choices>(choicesOf(booking.menu.lines));
  const [decideLater, setDecideLater] = useState(!booking.menu.proteinsDecided);
  const [submitted, setSubmitted] = useState(false);

  const { form, fields, formProps } = useApiForm<PartyValues, PartyMenuChange | null>({
    id,
    defaultValue: { adults: String(booking.adults), children: String(booking.children) },
    toInput: (values) => {
      const next = toParty(values);
      return isParty(next) && issuesOf(next).length === 0 && !incompleteFor(next)
        ? { ...next, menu: selection }
        : null;
    },
    onValid: (change) => {
      setSubmitted(true);
      if (change) onSubmit(change);
    },
  });
  // The preview follows the typing (Conform's value of the form as it is now).
  const party = toParty({ adults: form.value?.adults, children: form.value?.children });
  const partyOk = isParty(party);
  const items = pickerItems(
    menuItems.filter((item) => item.active),
    booking.menu.lines,
  );
  const { proteinsPerAdult } = booking.menu;
  const issuesOf = (of: Party) => choiceIssues({ items, choices, party: of, proteinsPerAdult });
  const incompleteFor = (of: Party) =>
    !decideLater &&
    proteinsPerAdult > 0 &&
    proteinsChosen(items, choices) !== of.adults * proteinsPerAdult;
  const issues = partyOk ? issuesOf(party) : [];
  const wanted = partyOk ? party.adults * proteinsPerAdult : 0;
  const incomplete = incompleteFor(partyOk ? party : { adults: 0, children: 0 });
  const selection = toSelection(items, choices);
  const preview =
    partyOk && issues.length === 0
      ? calculateQuote({
          prices: { ...booking.pricing, depositCents: booking.depositCents },
          money,
          party,
          lines: linesFor(selection, items, booking.menu.lines),
          travel: booking.pricing.travel,
          adjustments: booking.pricing.adjustments,
        })
      : undefined;
  const shownIssues = [
    ...issues,
    ...(submitted && incomplete && issues.length === 0
      ? [`Choose ${wanted} proteins in all, or decide them later`]
      : []),
  ];

  return (
    <form {...formProps} className="menu-editor details-layout" aria-labelledby={`${id}-heading`}>
      <div>
        <h3 id={`${id}-heading`}>Change the party and menu</h3>
        {intro}
        <div className="field-row">
          <Field
            field={fields.adults}
            label="Adults"
            type="number"
            inputMode="numeric"
            min={1}
            max={50}
            errors={partyOk ? undefined : [PARTY_RULE]}
          />
          <Field
            field={fields.children}
            label="Children (under 12)"
            type="number"
            inputMode="numeric"
            min={0}
            max={49}
          />
        </div>
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
