export { createTimeOff, updateTimeOff, deleteTimeOff } from './time-off';
export { setWeeklyOff } from './weekly-off';
export { setStationDate, clearStationDate } from './station-dates-admin';
export { getSeason } from './get-season';
export type { Season, TimeOffEntry, WeeklyOff, StationDateRule } from './season.schema';
export { chefFeed, regenerateChefFeed, chefFeedPath } from './chef-feed';
