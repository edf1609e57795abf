export { staffEventStream } from './staff-stream';
export { closeLiveStreams, openStreamCount, STREAM_LIMITS } from './live-hub';
export { serveDirectly, type DirectRoute } from './serve-directly';
