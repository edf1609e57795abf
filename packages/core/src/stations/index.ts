export { listActiveStations, stationListResponse } from './list-active-stations';
export { ZStationSummary, type TStationSummary } from './station.schema';
export { findActiveStation } from './find-active-station';
export {
  getStationSettings,
  patchStationSettings,
  updateStationSettings,
} from './station-settings';
export { stationSlugFor } from './station-in-scope';
export { activateChef, createChef, deactivateChef, listChefs, updateChef } from './chefs';
export {
  activateStation,
  createStation,
  deactivateStation,
  listStationsAdmin,
} from './station-lifecycle';
export { getPublicMenu } from './get-public-menu';
export { createMenuItem, deleteMenuItem, getStationMenu, updateMenuItem } from './station-menu';
