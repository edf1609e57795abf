/** Named numbers of the calendar screen. */

/** Service hours shaded until the station's own arrive (the product's default: 11:00-22:00). */
export const DEFAULT_FIRST_START_MINUTE = 11 * 60;
export const DEFAULT_LAST_START_MINUTE = 22 * 60;
/** The day views show 09:00 to midnight, opening scrolled to 11:00. */
export const FIRST_VISIBLE_HOUR = 9;
export const OPENING_SCROLL_HOUR = 11;
/** The grid: 15-minute slots, four to an hour row. */
export const SLOT_MINUTES = 15;
export const SLOTS_PER_ROW = 4;
/** Chefs without a colour (none yet, or removed meanwhile) are drawn in stone grey. */
export const FALLBACK_CHEF_COLOUR = '#57534e';
/** Other admins' changes arrive at least this often (and on focus). */
export const REFRESH_MS = 30_000;
