export { staffEventStream } from './staff-stream';
export { closeLiveStreams, openStreamCount, STREAM_LIMITS } from './live-hub';
