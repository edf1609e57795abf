'use client';

import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  ZStaffBookingInput,
  type TStaffBookingInput,
} from '@hibachi/core/bookings/create-booking.schema';
import { SPECIAL_REQUESTS_MAX } from '@hibachi/core/bookings/booking-limits';
import type { TStationMenu } from '@hibachi/core/menu/menu.schema';
import { TextareaField } from '@hibachi/web/field';
import { pickerItems, type Choices } from '@hibachi/web/menu-choices';
import { QuotePanel } from '@hibachi/web/quote-panel';
import { useApiForm } from '@hibachi/web/use-api-form';
import { toParty } from '@hibachi/web/party-menu-editor';
import { WidgetBoundary } from '@hibachi/web/widget-boundary';
import { api } from '@/lib/api';
import { ContactSection } from './contact-section';
import { MenuSection } from './menu-section';
import { menuIssues, toMenuInput } from './menu-values';
import {
  toQuoteAdjustments,
  toNewBookingInput,
  toNewBookingValues,
  type NewBookingPrefill,
  type NewBookingValues,
} from './new-booking-values';
import { AddressSection, PartySection } from './party-address-sections';
import { AdjustmentSection } from './adjustment-section';
import type { AdjustmentValues } from '../booking/adjustment-values';
import { SubmitSection } from './submit-section';
import { useCreateBooking } from './use-create-booking';
import { WhenSection, type When } from './when-section';

type Station = { slug: string; name: string; timezone: string };
type Props = {
  station: Station;
  prefill: NewBookingPrefill;
  /** Today in the station's zone (the first date offered). */
  today: string;
  /** The customer site's origin: `proposalUrl` is one of its paths. */
  customerOrigin: string;
  /** A manager may set the deposit. */
  maySetDeposit: boolean;
};

const fetchQuote = (body: Parameters<typeof api.staffQuote>[0]['body']) => api.staffQuote({ body });

/** A postcode worth quoting travel for (a half-typed one would flash "not found"). */
const postalCodeForQuote = (value: string | undefined) =>
  value && value.trim().length >= 5 ? value : undefined;

/** A phone or text order: the station's menu first, then the form. */
export function NewBookingForm(props: Props) {
  const menu = useQuery({
    queryKey: ['station-menu', props.station.slug],
    queryFn: () => api.stationMenu({ path: { slug: props.station.slug } }),
    throwOnError: true,
  });
  if (!menu.data)
    return (
      <p role="status" aria-busy="true" className="muted">
        Loading the menu…
      </p>
    );
  return <OrderForm {...props} menu={menu.data} />;
}

/**
 * The website's booking steps on one page, in the order a call goes: when, party, address,
 * menu, customer; the price beside them follows every change. Sections are components with
 * one boundary each (the body is assembled by `toNewBookingInput`): a later section (price
 * adjustments) joins as one more component and one more part of the order.
 */
function OrderForm({
  station,
  prefill,
  today,
  customerOrigin,
  maySetDeposit,
  menu,
}: Props & { menu: TStationMenu }) {
  const [start] = useState(() => toNewBookingValues(prefill, today));
  const [when, setWhen] = useState<When>({
    date: start.date,
    time: start.time,
    durationMinutes: Number(start.durationMinutes),
    chefId: start.chefId,
  });
  const [choices, setChoices] = useState<Choices>({});
  const [decideLater, setDecideLater] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [quoteErrors, setQuoteErrors] = useState<Record<string, string>>({});
  const create = useCreateBooking(customerOrigin);
  const items = pickerItems(menu.items.filter((item) => item.active));
  const menuFor = (party: { adults: number; children: number }) => ({
    items,
    choices,
    party,
    proteinsPerAdult: menu.proteinsPerAdult,
    decideLater,
  });

  const { form, fields, formProps } = useApiForm<NewBookingValues, TStaffBookingInput>({
    id: 'new-booking',
    defaultValue: start,
    toInput: (values) =>
      toNewBookingInput(values, {
        station: station.slug,
        currency: menu.station.currency,
        menu: toMenuInput(
          menuFor(toParty({ adults: values.adults, children: values.children || '0' })),
        ),
      }),
    schema: ZStaffBookingInput,
    validateOn: 'blur',
    onValid: (body) => {
      if (
        menuIssues(menuFor({ adults: body.adults, children: body.children ?? 0 }), true).blocking
      ) {
        document.getElementById('menu-heading')?.focus();
        return;
      }
      if (quoteErrors.postalCode) {
        document.getElementById(fields.address.getFieldset().postalCode.id)?.focus();
        return;
      }
      create.mutate(body);
    },
    error: create.error,
  });
  const party = toParty({ adults: fields.adults.value, children: fields.children.value || '0' });
  const menuState = menuFor(party);
  const issues = menuIssues(menuState, submitted);
  const priceAdjustments = toQuoteAdjustments(
    {
      adjustments: fields.adjustments.value as AdjustmentValues[] | undefined,
      depositCents: fields.depositCents.value,
    },
    menu.station.currency,
  );

  return (
    <form
      {...formProps}
      onSubmit={(event) => {
        // The menu's "choose N more" shows from the first try, whatever else is missing.
        setSubmitted(true);
        formProps.onSubmit(event);
      }}
      className="new-booking details-layout"
      aria-label="New booking"
    >
      <div className="order-sections">
        <WhenSection
          fields={fields}
          station={station}
          today={today}
          when={when}
          onChange={(next) => setWhen((current) => ({ ...current, ...next }))}
        />
        <PartySection fields={fields} />
        <AddressSection fields={fields} travelError={quoteErrors.postalCode} />
        <MenuSection
          menu={menu}
          items={items}
          party={party}
          choices={choices}
          decideLater={decideLater}
          issues={issues.shown}
          onChange={(next) => {
            if (next.choices) setChoices(next.choices);
            if (next.decideLater !== undefined) setDecideLater(next.decideLater);
          }}
        />
        <AdjustmentSection fields={fields} money={menu.station} maySetDeposit={maySetDeposit} />
        <ContactSection fields={fields} form={form} station={station} />
        <section className="card order-section" aria-labelledby="requests-heading">
          <h2 id="requests-heading">Requests</h2>
          <TextareaField
            field={fields.specialRequests}
            label="Special requests (optional)"
            rows={3}
            hint={`Allergies, occasion, anything the chef should know. ${fields.specialRequests.value?.length ?? 0}/${SPECIAL_REQUESTS_MAX}`}
          />
        </section>
        <SubmitSection create={create} />
      </div>
      <WidgetBoundary title="The price">
        <QuotePanel
          title="Price"
          money={menu.station}
          fetchQuote={fetchQuote}
          request={{
            station: station.slug,
            durationMinutes: when.durationMinutes,
            ...party,
            menu: toMenuInput(menuState),
            postalCode: postalCodeForQuote(fields.address.getFieldset().postalCode.value),
            ...priceAdjustments,
          }}
          onRefusal={setQuoteErrors}
        />
      </WidgetBoundary>
    </form>
  );
}
