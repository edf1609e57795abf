export { startServerProcess } from './start-server-process';
