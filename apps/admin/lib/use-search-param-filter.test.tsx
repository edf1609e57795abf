// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { toFilterHref, useSearchParamFilter } from './use-search-param-filter';

const navigation = vi.hoisted(() => ({
  replace: vi.fn<(href: string, options?: { scroll?: boolean }) => void>(),
  pathname: '/outbox',
  search: '',
}));

vi.mock('next/navigation', () => ({
  useRouter: () => ({ replace: navigation.replace }),
  usePathname: () => navigation.pathname,
  useSearchParams: () => new URLSearchParams(navigation.search),
}));

describe('toFilterHref', () => {
  it('sets a parameter and keeps the others', () => {
    expect(toFilterHref('/outbox', 'station=phoenix', { status: 'FAILED' })).toBe(
      '/outbox?station=phoenix&status=FAILED',
    );
  });

  it('replaces a parameter already there', () => {
    expect(toFilterHref('/outbox', 'status=SENT&kind=REMINDER', { status: 'FAILED' })).toBe(
      '/outbox?status=FAILED&kind=REMINDER',
    );
  });

  it('removes a parameter for an empty or missing value, and the ? with the last one', () => {
    expect(toFilterHref('/outbox', 'status=SENT&kind=REMINDER', { status: '' })).toBe(
      '/outbox?kind=REMINDER',
    );
    expect(toFilterHref('/outbox', 'kind=REMINDER', { kind: undefined })).toBe('/outbox');
  });

  it('applies several changes at once', () => {
    expect(
      toFilterHref('/calendar', 'view=month&date=2031-06-10', { date: undefined, chef: 'c1' }),
    ).toBe('/calendar?view=month&chef=c1');
  });
});

describe('useSearchParamFilter', () => {
  beforeEach(() => {
    navigation.replace.mockClear();
    navigation.pathname = '/outbox';
    navigation.search = 'station=phoenix&status=SENT';
  });

  it('replaces the URL with one filter changed, scrolling as a navigation does', () => {
    const { result } = renderHook(() => useSearchParamFilter());
    act(() => result.current.setFilter('kind', 'REMINDER'));
    expect(navigation.replace).toHaveBeenCalledWith(
      '/outbox?station=phoenix&status=SENT&kind=REMINDER',
      { scroll: true },
    );
  });

  it('clears a filter and keeps the station', () => {
    const { result } = renderHook(() => useSearchParamFilter());
    act(() => result.current.setFilter('status', ''));
    expect(navigation.replace).toHaveBeenCalledWith('/outbox?station=phoenix', { scroll: true });
  });

  it('changes several at once without scrolling when asked', () => {
    navigation.pathname = '/calendar';
    navigation.search = 'view=day&date=2031-06-10';
    const { result } = renderHook(() => useSearchParamFilter({ scroll: false }));
    act(() => result.current.setFilters({ date: undefined, view: 'month' }));
    expect(navigation.replace).toHaveBeenCalledWith('/calendar?view=month', { scroll: false });
  });

  it('reads the current parameters', () => {
    const { result } = renderHook(() => useSearchParamFilter());
    expect(result.current.searchParams.get('status')).toBe('SENT');
  });
});
