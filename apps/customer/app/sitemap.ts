import type { MetadataRoute } from 'next';
import { getServerEnv } from '@hibachi/core/env';
import { listActiveStations } from '@hibachi/core/stations';

// From the instance's station cache, per request: a station opened or closed shows at once.
export const dynamic = 'force-dynamic';

/** `/sitemap.xml`: the landing, each station's page and its booking page. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = getServerEnv().PUBLIC_CUSTOMER_URL;
  const stations = await listActiveStations();
  return [
    { url: `${site}/`, changeFrequency: 'weekly', priority: 1 },
    ...stations.flatMap((station) => [
      {
        url: `${site}/locations/${station.slug}`,
        changeFrequency: 'weekly' as const,
        priority: 0.8,
      },
      { url: `${site}/book/${station.slug}`, changeFrequency: 'daily' as const, priority: 0.6 },
    ]),
    { url: `${site}/manage`, changeFrequency: 'yearly', priority: 0.2 },
  ];
}
