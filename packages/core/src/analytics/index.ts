export { getBookingKpis } from './booking-kpis';
export { getCustomerAnalytics } from './customer-analytics';
export { getPaymentAnalytics } from './payment-analytics';
export { streamBookingsCsv } from './bookings-csv';
export type {
  BookingKpis,
  CustomerAnalytics,
  CustomerHistory,
  PaymentAnalytics,
  TAnalyticsQuery,
} from './analytics.schema';
