import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getServerEnv } from '@hibachi/core/env';
import {
  getStationPage,
  menuSections,
  stationStructuredData,
} from '@hibachi/core/stations/station-page';
import { formatMoney, formatTime } from '@hibachi/web/format';

type Props = { params: Promise<{ slug: string }> };

const pageUrl = (slug: string) => `${getServerEnv().PUBLIC_CUSTOMER_URL}/locations/${slug}`;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getStationPage((await params).slug);
  if (!page) return { title: 'Location not found' };
  const title = `Hibachi chef at home in ${page.name}`;
  const description = `A private hibachi chef cooking at your table in ${page.name}: from ${formatMoney(page.pricing.adultCents, page)} per adult, ${formatMoney(page.pricing.minimumCents, page)} minimum. Menu, travel, deposit and cancellation, and online booking.`;
  const url = pageUrl(page.slug);
  return {
    title,
    description,
    alternates: { canonical: url },
    openGraph: { title, description, url, type: 'website', siteName: 'Hibachi at Home' },
  };
}

/** A station's page: what the evening costs and includes there, its menu and answers, and Book. */
export default async function LocationPage({ params }: Props) {
  const page = await getStationPage((await params).slug);
  if (!page) notFound();
  const money = (cents: number) => formatMoney(cents, page);
  const structured = stationStructuredData(page, pageUrl(page.slug));
  const facts: [string, string][] = [
    ['Adults', money(page.pricing.adultCents)],
    ['Children', money(page.pricing.childCents)],
    ['Minimum per event', money(page.pricing.minimumCents)],
    ['Deposit', money(page.pricing.depositCents)],
    ['Start times', `${formatTime(page.hours.firstStart)}–${formatTime(page.hours.lastStart)}`],
    ['Book ahead', `${page.minimumNoticeHours} hours`],
  ];
  return (
    <article className="location" aria-labelledby="location-heading">
      <header className="hero">
        <h1 id="location-heading">Hibachi at home in {page.name}</h1>
        <p>
          A chef brings the grill to your home and cooks at your table: fire, flips and fried rice
          for your guests, from {money(page.pricing.adultCents)} per adult.
        </p>
        <Link className="button" href={`/book/${page.slug}`}>
          Book a chef in {page.name}
        </Link>
      </header>

      <section aria-labelledby="prices-heading">
        <h2 id="prices-heading">Prices and terms</h2>
        <dl className="facts">
          {facts.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="menu-heading">
        <h2 id="menu-heading">The menu</h2>
        <p className="muted">
          Each adult chooses {page.menu.proteinsPerAdult} protein
          {page.menu.proteinsPerAdult === 1 ? '' : 's'}; the rest is up to you.
        </p>
        {menuSections(page.menu).map((section) => (
          <section key={section.name} aria-label={section.name}>
            <h3>{section.name}</h3>
            <ul className="menu-list">
              {section.items.map((item) => (
                <li key={item.id}>
                  <span>{item.name}</span>
                  {item.priceCents > 0 ? <span> · {money(item.priceCents)}</span> : null}
                  {item.description ? <p className="muted small">{item.description}</p> : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>

      <section aria-labelledby="faq-heading">
        <h2 id="faq-heading">Questions</h2>
        <dl className="faq">
          {page.faq.map((entry) => (
            <div key={entry.question}>
              <dt>{entry.question}</dt>
              <dd>{entry.answer}</dd>
            </div>
          ))}
        </dl>
      </section>

      <p>
        <Link className="button" href={`/book/${page.slug}`}>
          Book a chef in {page.name}
        </Link>
      </p>
      {structured.map((data) => (
        <script
          key={String(data['@type'])}
          type="application/ld+json"
          // JSON-LD is data, not a script: the browser never runs it. `<` escaped so no text in
          // it can close the element.
          dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }}
        />
      ))}
    </article>
  );
}
