/** Whether this bundle runs under `next dev` (Next inlines NODE_ENV when it bundles). */
export const isDevelopmentBuild = process.env.NODE_ENV === 'development';
