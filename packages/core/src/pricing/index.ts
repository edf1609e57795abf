export { quotePrice } from './quote-price';
export { calculateQuote, type StationPricing } from './calculate-quote';
export { formatMoney } from './format-money';
