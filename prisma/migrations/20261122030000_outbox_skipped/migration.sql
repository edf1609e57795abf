-- An outbox e-mail that was not sent because the booking moved on before delivery.
ALTER TYPE "OutboxStatus" ADD VALUE 'SKIPPED';
