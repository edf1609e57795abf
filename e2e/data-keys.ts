/**
 * The run's customer-data keys (production builds require them): set on the runner's own
 * environment before it seeds, so the seed, the servers and the specs that read the database
 * seal and open with the same keys.
 */
export const E2E_DATA_KEYS = {
  DATA_ENCRYPTION_KEYS: `e2e1:${Buffer.from('e2e-only-customer-data-key-0123!').toString('base64')}`,
  DATA_INDEX_KEY: 'e2e-only-blind-index-key-0123456789abcdef',
};
