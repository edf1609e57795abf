import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { addressFor, bookOpenSlot, expect } from '../fixtures';
import { CUSTOMER_PORT } from '../ports';

export const DEMO_PASSWORD = 'demo-password-123';
export const SUPER_ADMIN = 'admin@demo.hibachi.test';
export const manager = (station: string) => `manager@${station}.demo.hibachi.test`;
export const staff = (station: string) => `staff@${station}.demo.hibachi.test`;

/** Signs in through the JSON sign-in route; the session cookie lands in the page's browser context. */
export async function signIn(page: Page, email: string): Promise<void> {
  const response = await page.request.post('/api/session', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(response.status(), await response.text()).toBe(200);
}

/** A signed-in API client of its own (cookie jar), from its own address. */
export async function apiAs(baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({
    baseURL,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`api-as:${email}:${Math.random()}`) },
  });
  if (email) {
    const response = await context.post('/api/session', {
      data: { email, password: DEMO_PASSWORD },
    });
    expect(response.status(), await response.text()).toBe(200);
  }
  return context;
}

/** A fresh held booking made through the customer API: its id as the admin app knows it. */
export async function heldBooking(
  admin: APIRequestContext,
  station: string,
  timeZone: string,
): Promise<{ id: string; reference: string; email: string }> {
  const customer = await playwrightRequest.newContext({
    baseURL: `http://localhost:${CUSTOMER_PORT}`,
    extraHTTPHeaders: { 'X-Forwarded-For': addressFor(`held:${Math.random()}`) },
  });
  const { body, response } = await bookOpenSlot(customer, station, timeZone, 12);
  expect(response.status(), await response.text()).toBe(201);
  const { reference } = ((await response.json()) as { data: { reference: string } }).data;
  await customer.dispose();
  const found = await admin.get(`/api/admin/bookings?q=${reference}`);
  const items = ((await found.json()) as { data: { items: { id: string }[] } }).data.items;
  expect(items).toHaveLength(1);
  return { id: items[0]!.id, reference, email: body.customer.email };
}
