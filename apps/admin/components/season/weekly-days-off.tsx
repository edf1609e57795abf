'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WeeklyOff } from '@hibachi/core/season/season.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Each chef's weekdays off: a row of toggles, saved at once (refused over a coming booking). */
export function WeeklyDaysOff({
  slug,
  chefs,
  weeklyOff,
}: {
  slug: string;
  chefs: { id: string; name: string }[];
  weeklyOff: WeeklyOff[];
}) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (change: { chefId: string; weekdays: number[] }) =>
      api.setWeeklyOff({ path: { id: change.chefId }, body: { weekdays: change.weekdays } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['season', slug] });
      void queryClient.invalidateQueries({ queryKey: ['calendar'] });
    },
  });
  return (
    <>
      <table className="data-table weekly-off">
        <thead>
          <tr>
            <th scope="col">Chef</th>
            {WEEKDAYS.map((day) => (
              <th scope="col" key={day}>
                {day}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chefs.map((chef) => {
            const days = weeklyOff
              .filter((row) => row.chefId === chef.id)
              .map((row) => row.weekday);
            return (
              <tr key={chef.id}>
                <th scope="row">{chef.name}</th>
                {WEEKDAYS.map((label, index) => {
                  const weekday = index + 1;
                  return (
                    <td key={label}>
                      <input
                        type="checkbox"
                        aria-label={`${chef.name} off every ${label}`}
                        checked={days.includes(weekday)}
                        disabled={save.isPending}
                        onChange={(event) =>
                          save.mutate({
                            chefId: chef.id,
                            weekdays: event.target.checked
                              ? [...days, weekday]
                              : days.filter((day) => day !== weekday),
                          })
                        }
                      />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {save.error ? (
        <p className="notice error" role="alert">
          {save.error instanceof ApiError ? save.error.message : 'Could not save the days off.'}
        </p>
      ) : null}
    </>
  );
}
