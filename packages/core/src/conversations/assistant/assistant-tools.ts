import 'server-only';
import { z } from 'zod';
import type { ChatCompletionTool } from 'openai/resources/chat/completions';
import { getAvailability } from '../../availability/get-availability';
import { bookingInclude } from '../../bookings/booking-record';
import { getDb } from '../../db/client';
import { AppError } from '../../errors/app-error';
import { formatMoney } from '../../money/format-money';
import { quotePrice } from '../../pricing/quote-price';
import { listActiveStations } from '../../stations/list-active-stations';
import { toLocalDate } from '../../time';

/**
 * What the assistant may know: each tool calls core, as the customer app's API does, and
 * answers with amounts already written in the station's currency, so the words it uses for a
 * price or a time are ones a tool said (reply-as-assistant checks that they are).
 */
export type ToolContext = { stationSlug: string; bookingId: string | null };

export const HAND_OVER = 'hand_over_to_staff';

const ZArgs = {
  list_stations: z.object({}),
  check_availability: z.object({
    station: z.string().optional(),
    date: z.string(),
  }),
  quote_price: z.object({
    station: z.string().optional(),
    adults: z.number().int(),
    children: z.number().int().optional(),
    postalCode: z.string().optional(),
  }),
  cancellation_policy: z.object({ station: z.string().optional() }),
  my_booking: z.object({}),
  [HAND_OVER]: z.object({ reason: z.string().optional() }),
} as const;
type ToolName = keyof typeof ZArgs;

const fn = (
  name: ToolName,
  description: string,
  properties: Record<string, unknown>,
  required: string[] = [],
): ChatCompletionTool => ({
  type: 'function',
  function: { name, description, parameters: { type: 'object', properties, required } },
});

export function assistantTools(context: ToolContext): ChatCompletionTool[] {
  const station = {
    type: 'string',
    description: "Station slug (default: this conversation's station)",
  };
  return [
    fn('list_stations', 'Our locations with prices per adult and child, minimum and deposit', {}),
    fn(
      'check_availability',
      'Free start times on a date (YYYY-MM-DD) at a station',
      { station, date: { type: 'string' } },
      ['date'],
    ),
    fn(
      'quote_price',
      'The price of a party (travel included when a postal code is given)',
      {
        station,
        adults: { type: 'integer' },
        children: { type: 'integer' },
        postalCode: { type: 'string' },
      },
      ['adults'],
    ),
    fn('cancellation_policy', 'How cancelling and the deposit refund work at a station', {
      station,
    }),
    ...(context.bookingId
      ? [fn('my_booking', "The customer's own booking (this conversation is linked to it)", {})]
      : []),
    fn(
      HAND_OVER,
      'Pass the conversation to a person: when asked, or when no tool answers the question',
      { reason: { type: 'string' } },
    ),
  ];
}

/** Runs one tool call; a refusal from core (bad date, unknown station) is an answer too. */
export async function runTool(
  name: string,
  rawArguments: string,
  context: ToolContext,
): Promise<unknown> {
  if (!(name in ZArgs)) return { error: 'No such tool.' };
  let args: unknown;
  try {
    args = JSON.parse(rawArguments || '{}');
  } catch {
    return { error: 'The arguments were not JSON.' };
  }
  try {
    return await call(name as ToolName, args, context);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message, details: error.details };
    throw error;
  }
}

async function call(name: ToolName, raw: unknown, context: ToolContext): Promise<unknown> {
  switch (name) {
    case 'list_stations':
      return (await listActiveStations()).map((station) => {
        const money = (cents: number) => formatMoney(cents, station);
        return {
          station: station.slug,
          name: station.name,
          perAdult: money(station.pricing.adultCents),
          perChild: money(station.pricing.childCents),
          minimum: money(station.pricing.minimumCents),
          deposit: money(station.pricing.depositCents),
          firstStart: station.serviceHours.firstStart,
          lastStart: station.serviceHours.lastStart,
          minimumNoticeHours: station.minimumNoticeHours,
        };
      });
    case 'check_availability': {
      const args = ZArgs.check_availability.parse(raw);
      const answer = await getAvailability({
        query: { station: args.station ?? context.stationSlug, date: args.date },
      });
      return {
        date: answer.date,
        timezone: answer.timezone,
        freeStartTimes: answer.slots.filter((slot) => slot.available > 0).map((slot) => slot.time),
      };
    }
    case 'quote_price': {
      const args = ZArgs.quote_price.parse(raw);
      const slug = args.station ?? context.stationSlug;
      const quote = await quotePrice({
        input: {
          station: slug,
          adults: args.adults,
          children: args.children ?? 0,
          postalCode: args.postalCode,
        },
      });
      const { locale } = await getDb().station.findUniqueOrThrow({
        where: { slug },
        select: { locale: true },
      });
      const money = (cents: number) => formatMoney(cents, { currency: quote.currency, locale });
      return {
        lines: quote.lines.map((line) => ({ label: line.label, amount: money(line.amountCents) })),
        total: money(quote.totalCents),
        deposit: money(quote.depositCents),
        balance: money(quote.balanceCents),
        travelNeedsAddress: quote.travelNeedsAddress ?? false,
      };
    }
    case 'cancellation_policy': {
      const args = ZArgs.cancellation_policy.parse(raw);
      const slug = args.station ?? context.stationSlug;
      const station = (await listActiveStations()).find((candidate) => candidate.slug === slug);
      if (!station) return { error: 'No such station.' };
      return {
        deposit: formatMoney(station.pricing.depositCents, station),
        rule: `Cancel at least ${station.cancellationNoticeHours} hours before the event for the deposit back; later, the deposit is kept.`,
      };
    }
    case 'my_booking': {
      if (!context.bookingId) return { error: 'This conversation is not linked to a booking.' };
      const booking = await getDb().booking.findUnique({
        where: { id: context.bookingId },
        include: bookingInclude,
      });
      if (!booking) return { error: 'The booking no longer exists.' };
      const money = (cents: number) =>
        formatMoney(cents, { currency: booking.currency, locale: booking.station.locale });
      return {
        reference: booking.reference,
        status: booking.status,
        date: toLocalDate(booking.eventDate),
        startTime: booking.startTime,
        guests: { adults: booking.adults, children: booking.children },
        total: money(booking.totalCents),
        deposit: money(booking.depositCents),
      };
    }
    case HAND_OVER:
      return { handedOver: true };
  }
}
