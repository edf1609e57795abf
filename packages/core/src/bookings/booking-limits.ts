/** Limits the booking form shows before any validation runs (zod-free, so pages stay light). */
export const SPECIAL_REQUESTS_MAX = 500;
