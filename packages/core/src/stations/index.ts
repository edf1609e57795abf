export { listActiveStations } from './list-active-stations';
export { ZStationSummary, type TStationSummary } from './station.schema';
