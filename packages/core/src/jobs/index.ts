export { startServerProcess } from './start-server-process';
export { startBackgroundJobs } from './start-background-jobs';
