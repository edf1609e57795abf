export {
  localToInstant,
  instantToLocal,
  isValidTimeZone,
  parseLocalTime,
  formatMinutes,
  todayInTimeZone,
  addDays,
  type LocalDateTime,
} from './zoned';
export { isCalendarDate } from './calendar-date';
export { toDbDate, toLocalDate } from './db-date';
