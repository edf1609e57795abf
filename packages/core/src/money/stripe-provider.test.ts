import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createStripeClient } from './stripe-client';
import { createStripeProvider } from './stripe-provider';
import { breakerOpen, BREAKERS, resetBreakers } from '../platform/breakers';

type Recorded = { method: string; path: string; idempotencyKey?: string; form: URLSearchParams };
type Reply = { status: number; body: unknown; delayMs?: number };

/** A local stand-in for api.stripe.com: records requests, answers what the test queues. */
function createFakeStripe() {
  const requests: Recorded[] = [];
  const replies: Reply[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      requests.push({
        method: request.method!,
        path: request.url!,
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
        form: new URLSearchParams(body),
      });
      const reply = replies.shift() ?? {
        status: 500,
        body: { error: { type: 'api_error', message: 'no reply queued' } },
      };
      setTimeout(() => {
        response.writeHead(reply.status, {
          'content-type': 'application/json',
          'request-id': 'req_fake',
        });
        response.end(JSON.stringify(reply.body));
      }, reply.delayMs ?? 0);
    });
  });
  return { server, requests, replies };
}

const fake = createFakeStripe();
let provider: ReturnType<typeof createStripeProvider>;

const checkout = (overrides: Partial<Parameters<typeof provider.createCheckout>[0]> = {}) =>
  provider.createCheckout({
    bookingId: '5f0c8a4e-0000-4000-8000-000000000001',
    reference: 'HB-ABCDEF',
    amountCents: 10000,
    currency: 'usd',
    description: 'Deposit for hibachi booking HB-ABCDEF',
    customerEmail: 'jo@example.com',
    expiresAt: new Date(Date.now() + 15 * 60_000),
    successUrl: 'http://localhost:3000/bookings/HB-ABCDEF/paid',
    cancelUrl: 'http://localhost:3000/pay/HB-ABCDEF',
    idempotencyKey: 'deposit-1',
    ...overrides,
  });

describe('Stripe provider (real SDK against a fake Stripe server)', () => {
  beforeAll(async () => {
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    const { port } = fake.server.address() as AddressInfo;
    const stripe = createStripeClient('sk_test_fake', `http://127.0.0.1:${port}`);
    provider = createStripeProvider(stripe, 'whsec_fake');
  });
  afterAll(() => new Promise<void>((resolve) => fake.server.close(() => resolve())));
  beforeEach(() => {
    fake.requests.length = 0;
    fake.replies.length = 0;
    resetBreakers();
  });

  it('creates a Checkout Session with amount, currency, metadata, expiry and an idempotency key', async () => {
    fake.replies.push({
      status: 200,
      body: {
        id: 'cs_test_123',
        object: 'checkout.session',
        url: 'https://checkout.stripe.test/cs_test_123',
      },
    });
    const session = await checkout();
    expect(session).toMatchObject({
      sessionId: 'cs_test_123',
      url: 'https://checkout.stripe.test/cs_test_123',
    });
    const [sent] = fake.requests;
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/v1/checkout/sessions',
      idempotencyKey: 'deposit-1',
    });
    expect(sent!.form.get('line_items[0][price_data][unit_amount]')).toBe('10000');
    expect(sent!.form.get('line_items[0][price_data][currency]')).toBe('usd');
    expect(sent!.form.get('metadata[bookingId]')).toBe('5f0c8a4e-0000-4000-8000-000000000001');
    expect(sent!.form.get('payment_intent_data[metadata][reference]')).toBe('HB-ABCDEF');
    expect(sent!.form.get('mode')).toBe('payment');
    // Stripe's minimum is 30 minutes, so a 15-minute hold asks for just over 30.
    const expiresIn = Number(sent!.form.get('expires_at')) * 1000 - Date.now();
    expect(expiresIn).toBeGreaterThan(30 * 60_000);
    expect(expiresIn).toBeLessThan(32 * 60_000);
  });

  it("asks for Stripe's longest page (under 24 hours) when a phone order's hold lasts days", async () => {
    fake.replies.push({
      status: 200,
      body: {
        id: 'cs_test_long',
        object: 'checkout.session',
        url: 'https://checkout.stripe.test/l',
      },
    });
    await checkout({ expiresAt: new Date(Date.now() + 48 * 3_600_000) });
    const expiresIn = Number(fake.requests.at(-1)!.form.get('expires_at')) * 1000 - Date.now();
    expect(expiresIn).toBeGreaterThan(23 * 3_600_000);
    expect(expiresIn).toBeLessThan(24 * 3_600_000);
  });

  it('charges a balance and its gratuity as two lines, the purpose in the metadata', async () => {
    fake.replies.push({
      status: 200,
      body: { id: 'cs_test_3', url: 'https://checkout.stripe.test/3' },
    });
    await checkout({
      amountCents: 42_000,
      purpose: 'BALANCE',
      description: 'Balance for HB-ABCDEF',
      gratuity: { amountCents: 8_000, description: 'Gratuity for your chef' },
    });
    const form = fake.requests[0]!.form;
    expect(form.get('line_items[0][price_data][unit_amount]')).toBe('42000');
    expect(form.get('line_items[1][price_data][unit_amount]')).toBe('8000');
    expect(form.get('line_items[1][price_data][product_data][name]')).toBe(
      'Gratuity for your chef',
    );
    expect(form.get('metadata[purpose]')).toBe('BALANCE');
    expect(form.get('payment_intent_data[metadata][purpose]')).toBe('BALANCE');
  });

  it('leaves out a zero price line when only a gratuity is paid', async () => {
    fake.replies.push({
      status: 200,
      body: { id: 'cs_test_4', url: 'https://checkout.stripe.test/4' },
    });
    await checkout({
      amountCents: 0,
      purpose: 'BALANCE',
      gratuity: { amountCents: 5_000, description: 'Gratuity for your chef' },
    });
    const form = fake.requests[0]!.form;
    expect(form.get('line_items[0][price_data][unit_amount]')).toBe('5000');
    expect(form.has('line_items[1][price_data][unit_amount]')).toBe(false);
  });

  it('keeps a longer hold as the expiry', async () => {
    fake.replies.push({
      status: 200,
      body: { id: 'cs_test_2', url: 'https://checkout.stripe.test/2' },
    });
    const expiresAt = new Date(Date.now() + 3 * 3_600_000);
    await checkout({ expiresAt });
    expect(Number(fake.requests[0]!.form.get('expires_at'))).toBe(
      Math.floor(expiresAt.getTime() / 1000),
    );
  });

  it('refunds against the PaymentIntent with an idempotency key', async () => {
    fake.replies.push({
      status: 200,
      body: { id: 're_123', object: 'refund', status: 'succeeded' },
    });
    expect(
      await provider.refund({
        paymentIntent: 'pi_123',
        amountCents: 10000,
        idempotencyKey: 'refund-1',
        reason: 'customer_cancelled',
      }),
    ).toEqual({
      refundId: 're_123',
      status: 'succeeded',
    });
    expect(fake.requests[0]).toMatchObject({ path: '/v1/refunds', idempotencyKey: 'refund-1' });
    expect(fake.requests[0]!.form.get('payment_intent')).toBe('pi_123');
    expect(fake.requests[0]!.form.get('amount')).toBe('10000');
  });

  it('turns a card decline into a 409 and a Stripe outage into a 503, with the same idempotency key on the retry', async () => {
    fake.replies.push({
      status: 402,
      body: {
        error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' },
      },
    });
    await expect(
      provider.refund({
        paymentIntent: 'pi_1',
        amountCents: 100,
        idempotencyKey: 'refund-2',
        reason: 'x',
      }),
    ).rejects.toMatchObject({
      status: 409,
      details: { reason: 'CARD_DECLINED' },
    });
    fake.replies.push(
      { status: 500, body: { error: { type: 'api_error', message: 'boom' } } },
      { status: 500, body: { error: { type: 'api_error', message: 'boom' } } },
    );
    await expect(checkout({ idempotencyKey: 'deposit-3' })).rejects.toMatchObject({
      status: 503,
      details: { reason: 'PROVIDER_UNAVAILABLE' },
    });
    expect(fake.requests.slice(1).map((request) => request.idempotencyKey)).toEqual([
      'deposit-3',
      'deposit-3',
    ]);
  });

  it('turns a timeout into a 503', async () => {
    const { port } = fake.server.address() as AddressInfo;
    const quick = createStripeProvider(
      createStripeClient('sk_test_fake', `http://127.0.0.1:${port}`, { timeoutMs: 200 }),
      'whsec_fake',
    );
    const slow = {
      status: 200,
      body: { id: 'cs_slow', url: 'https://checkout.stripe.test/slow' },
      delayMs: 1_000,
    };
    fake.replies.push(slow, slow);
    await expect(
      quick.createCheckout({ ...baseRequest(), idempotencyKey: 'deposit-slow' }),
    ).rejects.toMatchObject({ status: 503 });
  });
  it('the breaker: after five failing calls answers 503 with Retry-After at once, without calling Stripe', async () => {
    resetBreakers();
    fake.requests.length = 0;
    fake.replies.length = 0;
    // (an unqueued reply is a 500 api_error: Stripe failing)
    for (let call = 0; call < BREAKERS.stripe.failures; call += 1)
      await expect(checkout({ idempotencyKey: `failing-${call}` })).rejects.toMatchObject({
        status: 503,
      });
    expect(breakerOpen('stripe')).toBe(true);
    const calls = fake.requests.length;
    const started = performance.now();
    const refused = await checkout({ idempotencyKey: 'while-open' }).catch(
      (error: unknown) => error,
    );
    expect(performance.now() - started).toBeLessThan(50);
    expect(refused).toMatchObject({
      status: 503,
      headers: { 'Retry-After': String(BREAKERS.stripe.halfOpenAfterMs / 1000) },
    });
    expect(fake.requests.length).toBe(calls);
    resetBreakers();
  });

  it('the breaker does not open on declined cards (the customer, not Stripe)', async () => {
    resetBreakers();
    for (let call = 0; call < BREAKERS.stripe.failures + 1; call += 1) {
      fake.replies.push({
        status: 402,
        body: { error: { type: 'card_error', code: 'card_declined', message: 'Declined' } },
      });
      await expect(checkout({ idempotencyKey: `declined-${call}` })).rejects.toMatchObject({
        status: 409,
      });
    }
    expect(breakerOpen('stripe')).toBe(false);
  });
});

function baseRequest() {
  return {
    bookingId: 'b',
    reference: 'HB-ABCDEF',
    amountCents: 100,
    currency: 'usd' as const,
    description: 'Deposit',
    customerEmail: 'jo@example.com',
    expiresAt: new Date(Date.now() + 3_600_000),
    successUrl: 'http://localhost:3000/a',
    cancelUrl: 'http://localhost:3000/b',
  };
}
