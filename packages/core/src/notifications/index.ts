export { listOutbox, type OutboxRow } from './list-outbox';
export { retryOutboxMessage } from './retry-outbox-message';
