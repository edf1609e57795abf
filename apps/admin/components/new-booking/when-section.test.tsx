// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TStaffAvailability } from '@hibachi/core/availability/availability.schema';
import { useApiForm } from '@hibachi/web/use-api-form';
import { toNewBookingValues, type NewBookingValues } from './new-booking-values';
import { WhenSection, type When } from './when-section';

const AIKO = '11111111-1111-4111-8111-111111111111';
const BEN = '22222222-2222-4222-8222-222222222222';
const slot = (time: string, freeChefIds: string[], online: boolean) => ({
  time,
  startsAt: '2031-06-11T01:00:00.000Z',
  available: freeChefIds.length,
  online,
  freeChefIds,
});
const DAY: TStaffAvailability = {
  date: '2031-06-10',
  timezone: 'America/Los_Angeles',
  durationMinutes: 120,
  chefs: [
    { id: AIKO, name: 'Aiko' },
    { id: BEN, name: 'Ben' },
  ],
  slots: [slot('17:00', [AIKO, BEN], false), slot('17:30', [BEN], true), slot('18:00', [], true)],
};

/** The section in a form as the page has it, the staff availability answered by `answer`. */
function Harness({ start }: { start: When }) {
  const [when, setWhen] = useState(start);
  const { fields, formProps } = useApiForm<NewBookingValues, null>({
    id: 'new-booking',
    defaultValue: toNewBookingValues({}, start.date),
    toInput: () => null,
    onValid: () => undefined,
  });
  return (
    <form {...formProps}>
      <WhenSection
        fields={fields}
        station={{ slug: 'seattle', timezone: 'America/Los_Angeles' }}
        today="2031-06-01"
        when={when}
        onChange={(next) => setWhen((current) => ({ ...current, ...next }))}
      />
    </form>
  );
}

function renderWith(start: When) {
  const requests: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string) => {
      requests.push(url);
      return Promise.resolve(Response.json({ data: DAY }));
    }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <Harness start={start} />
    </QueryClientProvider>,
  );
  return requests;
}

const chef = () => screen.getByLabelText<HTMLSelectElement>('Chef');
const options = () => [...chef().options].map((option) => option.text);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the start and chef of a phone order', () => {
  it('shows each start with its free chefs, marks starts inside the notice and keeps a free chef', async () => {
    const requests = renderWith({
      date: '2031-06-10',
      time: '17:00',
      durationMinutes: 120,
      chefId: AIKO,
    });
    const five = await screen.findByRole('radio', { name: /^5:00 PM/ });
    expect(requests[0]).toBe(
      '/api/admin/availability?station=seattle&date=2031-06-10&duration=120',
    );
    expect(five).toHaveProperty('checked', true);
    expect(five.closest('label')?.textContent).toBe('5:00 PM 2 chefs free, staff only');
    expect(screen.getByRole('radio', { name: /^5:30 PM/ }).closest('label')?.textContent).toBe(
      '5:30 PM 1 chef free',
    );
    expect(screen.getByRole('radio', { name: /^6:00 PM/ })).toHaveProperty('disabled', true);
    expect(chef().value).toBe(AIKO);
    expect(options()).toEqual(['Least busy free chef', 'Aiko', 'Ben']);
  });

  it('lets the chosen chef go at a start where they are busy, saying so', async () => {
    renderWith({ date: '2031-06-10', time: '17:00', durationMinutes: 120, chefId: AIKO });
    const later = await screen.findByRole('radio', { name: /^5:30 PM/ });
    await act(() => fireEvent.click(later));
    await waitFor(() => expect(chef().value).toBe(''));
    expect(options()).toEqual(['Least busy free chef', 'Ben']);
    expect(
      screen.getByText('Aiko is not free at 5:30 PM: the least busy free chef will cook.'),
    ).toBeDefined();
  });

  it('lets a start asked for go when every chef is busy then', async () => {
    renderWith({ date: '2031-06-10', time: '18:00', durationMinutes: 120, chefId: '' });
    await screen.findByRole('radio', { name: /^5:00 PM/ });
    expect(screen.getByText('Every chef is busy at 6:00 PM: choose another start.')).toBeDefined();
    expect(screen.getAllByRole('radio').some((radio) => (radio as HTMLInputElement).checked)).toBe(
      false,
    );
  });
});
