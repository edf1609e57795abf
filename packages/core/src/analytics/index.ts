export { getAdjustmentAnalytics } from './adjustment-analytics';
export { getBookingKpis } from './booking-kpis';
export { getCustomerAnalytics } from './customer-analytics';
export { getMenuAnalytics } from './menu-analytics';
export { getPaymentAnalytics } from './payment-analytics';
export { streamBookingsCsv } from './bookings-csv';
export type {
  BookingKpis,
  CustomerAnalytics,
  CustomerHistory,
  MenuAnalytics,
  PaymentAnalytics,
  TAnalyticsQuery,
} from './analytics.schema';
