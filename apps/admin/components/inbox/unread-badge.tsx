'use client';

import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api';
import { useLiveConnected } from '../live/live-updates';

/** Open conversations waiting for staff, beside "Inbox" (live; polled only when offline). */
export function UnreadBadge({ station }: { station: string }) {
  const live = useLiveConnected();
  const { data } = useQuery({
    queryKey: ['unread-conversations', station],
    queryFn: () => api.unreadConversations({ query: station ? { station } : {} }),
    refetchInterval: live ? false : 60_000,
  });
  if (!data?.conversations) return null;
  return (
    <span className="nav-badge" aria-label={`${data.conversations} waiting`}>
      {data.conversations}
    </span>
  );
}
