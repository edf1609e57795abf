export { quotePrice } from './quote-price';
export { calculateQuote, type QuotePrices, type TravelCharge } from './calculate-quote';
export { formatMoney, type MoneyFormat } from '../money/format-money';
export { quoteForStaff } from './quote-for-staff';
