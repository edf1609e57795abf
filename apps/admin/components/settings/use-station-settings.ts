'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TUpdateStationSettings } from '@hibachi/core/stations/station-settings.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import { api } from '@/lib/api';

/**
 * A station's settings as read, and their save at the version read: whether the last save
 * went through, and whether it was refused because someone else saved first.
 */
export function useStationSettings(slug: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['station-settings', slug],
    queryFn: () => api.stationSettings({ path: { slug } }),
  });
  const [saved, setSaved] = useState(false);
  const save = useMutation({
    mutationFn: (body: TUpdateStationSettings) => api.saveStationSettings({ path: { slug }, body }),
    onMutate: () => setSaved(false),
    onSuccess: (view) => {
      queryClient.setQueryData(['station-settings', slug], view);
      setSaved(true);
    },
  });
  const stale = save.error instanceof ApiError && save.error.details?.reason === 'STALE_VERSION';
  const reload = () => {
    save.reset();
    void query.refetch();
  };
  return { query, save, saved, stale, reload };
}
