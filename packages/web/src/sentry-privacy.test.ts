import { expect, it } from 'vitest';
import { scrubEvent } from './sentry-privacy';

it('drops query strings, cookies, bodies and the user, and masks contact details in messages and breadcrumbs', () => {
  const scrubbed = scrubEvent({
    type: undefined,
    message: 'lookup for pat@example.com failed',
    request: {
      url: 'https://book.example.com/api/bookings/HB-7K3P9Q?email=pat@example.com',
      query_string: 'email=pat@example.com',
      cookies: { session: 'secret' },
      data: { customer: { phone: '+1 555 010 2000' } },
      headers: { 'user-agent': 'test' },
    },
    user: { email: 'pat@example.com', ip_address: '203.0.113.9' },
    breadcrumbs: [
      { message: 'called +1 555 010 2000', data: { url: '/api/bookings?email=pat@example.com' } },
    ],
  });
  expect(scrubbed.message).toBe('lookup for [email] failed');
  expect(scrubbed.request).toEqual({
    url: 'https://book.example.com/api/bookings/HB-7K3P9Q',
    headers: { 'user-agent': 'test' },
  });
  expect(scrubbed.user).toBeUndefined();
  expect(scrubbed.breadcrumbs).toEqual([{ message: 'called [number]', data: undefined }]);
  expect(JSON.stringify(scrubbed)).not.toMatch(/pat@|555 010|secret|203\.0\.113/);
});
