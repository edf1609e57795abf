import { publicList, type PublicList } from './list-active-stations';

/** GET /api/stations as an encoded `{"data": …}` envelope and its ETag (built once per list). */
export async function stationListResponse(): Promise<Pick<PublicList, 'body' | 'etag'>> {
  const { body, etag } = await publicList();
  return { body, etag };
}
