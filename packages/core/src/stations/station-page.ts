import { formatMoney, toMajorUnits } from '../money/format-money';
import { formatMinutes } from '../time';
import type { TMenuItem } from '../menu/menu.schema';
import { publicMenuOf } from './get-public-menu';
import { cachedActiveStation } from './station-cache';
import type { TPublicMenu } from './station.schema';

export type FaqEntry = { question: string; answer: string };

/** What a station's public page shows: its terms, menu and answers, all from its settings. */
export type StationPage = {
  slug: string;
  name: string;
  country: string;
  currency: string;
  locale: string;
  timezone: string;
  pricing: { adultCents: number; childCents: number; minimumCents: number; depositCents: number };
  hours: { firstStart: string; lastStart: string };
  minimumNoticeHours: number;
  menu: TPublicMenu;
  faq: FaqEntry[];
};

/** `/locations/SLUG`: the station customers can book, from the instance's station cache. */
export async function getStationPage(slug: string): Promise<StationPage | undefined> {
  const station = /^[a-z0-9-]{1,64}$/.test(slug) ? await cachedActiveStation(slug) : undefined;
  if (!station) return undefined;
  const menu = publicMenuOf(station);
  const money = (cents: number) => formatMoney(cents, station);
  const page = {
    slug: station.slug,
    name: station.name,
    country: station.country,
    currency: station.currency,
    locale: station.locale,
    timezone: station.timezone,
    pricing: {
      adultCents: station.adultPriceCents,
      childCents: station.childPriceCents,
      minimumCents: station.minimumCents,
      depositCents: station.depositCents,
    },
    hours: {
      firstStart: formatMinutes(station.serviceStartMinute),
      lastStart: formatMinutes(station.serviceEndMinute),
    },
    minimumNoticeHours: station.minimumNoticeHours,
    menu,
  };
  const faq: FaqEntry[] = [
    {
      question: 'What is included?',
      answer: `A chef who brings the grill and cooks at your table, and ${menu.proteinsPerAdult} protein choice${menu.proteinsPerAdult === 1 ? '' : 's'} per adult from the menu. Upgrades are priced per guest, extras per portion and add-ons per event. Adults ${money(station.adultPriceCents)}, children ${money(station.childPriceCents)}, ${money(station.minimumCents)} minimum per event.`,
    },
    {
      question: 'How does the deposit work?',
      answer: `A ${money(station.depositCents)} deposit, paid online when you book, confirms your date and is part of the total. The balance can be paid online from your booking page before the event.`,
    },
    {
      question: 'Can I cancel?',
      answer: `Yes, from your booking page. Cancel at least ${station.cancellationNoticeHours} hours before the event and everything you paid towards the price (the deposit, and the balance if you paid it) is refunded.`,
    },
    {
      question: 'Can I move my booking?',
      answer:
        station.rescheduleLimit > 0
          ? `Yes: move it yourself from your booking page until ${station.rescheduleNoticeHours} hours before the event, up to ${station.rescheduleLimit} time${station.rescheduleLimit === 1 ? '' : 's'}. After that, write to us and we will find a date.`
          : 'Write to us from your booking page and we will find another date.',
    },
    { question: 'Where do you cook?', answer: travelAnswer(menu, money) },
    {
      question: 'What if it rains?',
      answer:
        'The chef needs a flat, airy spot: a patio, a covered terrace or a garage with the door open. If the weather takes yours away, move the booking from your booking page or write to us in the chat.',
    },
    {
      question: 'How far ahead should I book?',
      answer: `At least ${station.minimumNoticeHours} hours ahead; chefs start between ${page.hours.firstStart} and ${page.hours.lastStart}.`,
    },
  ];
  return { ...page, faq };
}

function travelAnswer(menu: TPublicMenu, money: (cents: number) => string): string {
  const travel = menu.travel;
  if (travel.mode === 'DISTANCE')
    return `At your home within our service area: travel is free for the first ${travel.freeMiles} miles, then ${money(travel.feePerMileCents)} a mile${travel.maxMiles ? `, up to ${travel.maxMiles} miles` : ''}. The booking page prices it from your postcode.`;
  if (travel.mode === 'ZONES')
    return `At your home, by postcode area: ${travel.zones.map((zone) => `${zone.label} ${zone.feeCents === 0 ? 'free' : money(zone.feeCents)}`).join(', ')}. The booking page prices it from your postcode.`;
  return 'At your home within our service area; travel is included in the price.';
}

const KIND_SECTIONS: { kind: TMenuItem['kind']; name: string }[] = [
  { kind: 'PROTEIN', name: 'Proteins (included)' },
  { kind: 'UPGRADE', name: 'Upgrades, per guest' },
  { kind: 'EXTRA', name: 'Extras, per portion' },
  { kind: 'ADDON', name: 'Add-ons, per event' },
  { kind: 'KIDS', name: "Children's portions" },
];

/** The menu in sections, in the order the booking wizard shows them. */
export function menuSections(menu: TPublicMenu): { name: string; items: TMenuItem[] }[] {
  return KIND_SECTIONS.map(({ kind, name }) => ({
    name,
    items: menu.items.filter((item) => item.kind === kind),
  })).filter((section) => section.items.length > 0);
}

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * The page's structured data: the station as a `FoodEstablishment` (area served, price range,
 * hours, menu with prices in its currency) and its answers as an `FAQPage`. No ratings: we
 * have none to show.
 */
export function stationStructuredData(page: StationPage, url: string): Record<string, unknown>[] {
  return [
    {
      '@context': 'https://schema.org',
      '@type': 'FoodEstablishment',
      '@id': `${url}#business`,
      name: `Hibachi at Home ${page.name}`,
      url,
      servesCuisine: 'Japanese teppanyaki (hibachi), cooked at your home',
      areaServed: { '@type': 'City', name: page.name },
      address: {
        '@type': 'PostalAddress',
        addressLocality: page.name,
        addressCountry: page.country,
      },
      priceRange: `${formatMoney(page.pricing.adultCents, page)} per adult, ${formatMoney(page.pricing.minimumCents, page)} minimum`,
      currenciesAccepted: page.currency,
      openingHoursSpecification: [
        {
          '@type': 'OpeningHoursSpecification',
          dayOfWeek: DAYS.map((day) => `https://schema.org/${day}`),
          opens: page.hours.firstStart,
          closes: page.hours.lastStart,
        },
      ],
      hasMenu: {
        '@type': 'Menu',
        hasMenuSection: menuSections(page.menu).map((section) => ({
          '@type': 'MenuSection',
          name: section.name,
          hasMenuItem: section.items.map((item) => ({
            '@type': 'MenuItem',
            name: item.name,
            ...(item.description ? { description: item.description } : {}),
            offers: {
              '@type': 'Offer',
              price: toMajorUnits(item.priceCents, page.currency),
              priceCurrency: page.currency,
            },
          })),
        })),
      },
    },
    {
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      mainEntity: page.faq.map((entry) => ({
        '@type': 'Question',
        name: entry.question,
        acceptedAnswer: { '@type': 'Answer', text: entry.answer },
      })),
    },
  ];
}
