// Client-safe helpers for forms that validate with the same zod schemas as the API.
export { fieldErrors } from './index';
export { sanitizeLine, sanitizeText } from './sanitize';
