import type { MetadataRoute } from 'next';

/** `/robots.txt` of the staff app: nothing to index. */
export default function robots(): MetadataRoute.Robots {
  return { rules: [{ userAgent: '*', disallow: '/' }] };
}
