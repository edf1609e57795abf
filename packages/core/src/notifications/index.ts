export { listOutbox, type OutboxRow } from './list-outbox';
export { retryOutboxMessage } from './retry-outbox-message';
export { planBookingMessages, type PlannedMessages } from './plan-booking-messages';
