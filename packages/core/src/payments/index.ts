export { handleStripeWebhook, type WebhookResult } from './handle-stripe-webhook';
export { processOwedRefund, processAllOwedRefunds } from '../money/process-owed-refund';
export { startDepositCheckout } from './start-deposit-checkout';
export { startBalanceCheckout } from './start-balance-checkout';
export { findSimulatorSession, simulateCheckout, type SimulatorSession } from './simulate-checkout';
export { getPaymentProvider } from '../money/get-payment-provider';
export { simulatorWebhookSecret } from '../money/simulator-provider';
export { recordOfflinePayment, type RecordedPayment } from './record-offline-payment';
export { settleOwedRefund } from '../money/settle-owed-refund';
