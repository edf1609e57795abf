/** Words staff read for the enums the API sends. */
export const STATUS_LABELS: Record<string, string> = {
  PENDING_PAYMENT: 'Awaiting deposit',
  CONFIRMED: 'Confirmed',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_SHOW: 'No-show',
  EXPIRED: 'Expired',
};

export const METHOD_LABELS: Record<string, string> = { CARD: 'Card', CASH: 'Cash', CHECK: 'Check' };

export const EMAIL_STATUS_LABELS: Record<string, string> = {
  PENDING: 'Waiting',
  SENT: 'Sent',
  FAILED: 'Failed',
  SKIPPED: 'Not sent',
};
