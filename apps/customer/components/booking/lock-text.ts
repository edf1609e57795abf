/** "3 days before your event", "36 hours before your event": the menu lock in words. */
export function toLockText(lockHours: number): string {
  if (lockHours === 0) return 'your event starts';
  if (lockHours % 24 === 0) {
    const days = lockHours / 24;
    return `${days} day${days === 1 ? '' : 's'} before your event`;
  }
  return `${lockHours} hours before your event`;
}
