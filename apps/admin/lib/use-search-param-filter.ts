'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** Changes to the URL's search parameters: a value sets one, empty or undefined removes it. */
export type FilterChanges = Record<string, string | undefined>;

/**
 * The address of `pathname` with `changes` applied to `current` (every other parameter kept),
 * and no `?` when nothing is left.
 */
export function toFilterHref(
  pathname: string,
  current: URLSearchParams | string,
  changes: FilterChanges,
): string {
  const params = new URLSearchParams(current);
  for (const [name, value] of Object.entries(changes)) {
    if (value) params.set(name, value);
    else params.delete(name);
  }
  return params.size > 0 ? `${pathname}?${params}` : pathname;
}

/**
 * What a list shows, kept in the URL's search parameters (shareable, and the back button
 * leaves the page rather than stepping through each filter): `setFilter('status', 'FAILED')`
 * replaces the current entry with the parameter set, or removed when the value is empty.
 * `scroll: false` keeps the page where it is (a calendar, a list beside a thread).
 */
export function useSearchParamFilter({ scroll = true }: { scroll?: boolean } = {}) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const setFilters = useCallback(
    (changes: FilterChanges) =>
      router.replace(toFilterHref(pathname, searchParams, changes), { scroll }),
    [router, pathname, searchParams, scroll],
  );
  const setFilter = useCallback(
    (name: string, value: string | undefined) => setFilters({ [name]: value }),
    [setFilters],
  );
  return { searchParams, setFilter, setFilters };
}
