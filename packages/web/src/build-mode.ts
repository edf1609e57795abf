/** Whether this bundle runs under `next dev` (Next inlines NODE_ENV when it bundles). */
export const isDevelopmentBuild = process.env.NODE_ENV === 'development';

/**
 * Whether the typed API client checks each answer against its schema: in development and tests.
 * A production bundle trusts its own server and skips the check (Next inlines NODE_ENV).
 */
export const checksAnswers = process.env.NODE_ENV !== 'production';
