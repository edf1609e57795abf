import type { NodeOptions } from '@sentry/nextjs';
import { redactPii } from '@hibachi/core/errors/redact-pii';

type SentryEvent = Parameters<NonNullable<NodeOptions['beforeSend']>>[0];

/**
 * What the Sentry SDK may collect, server and browser alike. SDK 11 collects bodies,
 * headers, query strings, DB values and local variables by default; bookings are full
 * of customer data, so only structure is sent.
 */
export const PRIVATE_DATA_COLLECTION = {
  userInfo: false,
  cookies: false,
  httpHeaders: { request: { allow: ['user-agent', 'x-request-id'] }, response: false },
  httpBodies: [],
  urlQueryParams: false,
  databaseQueryData: false,
  queues: false,
  stackFrameVariables: false,
  graphQL: { document: false, variables: false },
  genAI: { inputs: false, outputs: false },
} satisfies NonNullable<NodeOptions['dataCollection']>;

/** Masks e-mails and phone numbers (messages, source lines), drops query strings, cookies, bodies and user data. */
export function scrubEvent(event: SentryEvent): SentryEvent {
  if (event.message) event.message = redactPii(event.message);
  for (const exception of event.exception?.values ?? []) {
    if (exception.value) exception.value = redactPii(exception.value);
    for (const frame of exception.stacktrace?.frames ?? []) {
      if (frame.context_line) frame.context_line = redactPii(frame.context_line);
      frame.pre_context = frame.pre_context?.map(redactPii);
      frame.post_context = frame.post_context?.map(redactPii);
    }
  }
  if (event.request) {
    if (event.request.url) event.request.url = event.request.url.split('?')[0];
    delete event.request.query_string;
    delete event.request.cookies;
    delete event.request.data;
  }
  delete event.user;
  event.breadcrumbs = event.breadcrumbs?.map(({ message, ...crumb }) => ({
    ...crumb,
    ...(message ? { message: redactPii(message) } : {}),
    data: undefined,
  }));
  return event;
}
