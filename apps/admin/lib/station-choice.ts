import { notFound } from 'next/navigation';
import { listStationsForStaff, type StaffSession, type StaffStation } from '@hibachi/core/auth';

/** A page's search parameters (repeated ones dropped) as URLSearchParams. */
export async function pageParams(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<URLSearchParams> {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(await searchParams))
    if (typeof value === 'string') params.set(name, value);
  return params;
}

/**
 * The station a page shows, from `?station=` (404 when the caller may not see it). Without
 * one, staff and managers get their own; a super admin gets every station at once where the
 * page can show them all (`superAdmin: 'all'`: undefined), or the first otherwise.
 */
export async function chosenStation(
  staff: StaffSession,
  slug: string | null | undefined,
  options: { superAdmin: 'all' | 'first' },
): Promise<StaffStation | undefined> {
  const stations = await listStationsForStaff(staff);
  if (slug) {
    const station = stations.find((candidate) => candidate.slug === slug);
    if (!station) notFound();
    return station;
  }
  return staff.role === 'SUPER_ADMIN' && options.superAdmin === 'all' ? undefined : stations[0];
}
