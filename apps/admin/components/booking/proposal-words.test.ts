import { describe, expect, it } from 'vitest';
import {
  acceptanceText,
  customerLink,
  proposalStatusText,
  shortSha,
  sourceText,
} from './proposal-words';

const SHA = '3f5a0c9e1b2d4a6b8c0d2e4f6a8b0c2d4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b';
const acceptance = {
  proposalVersion: 1,
  name: 'Pat Example',
  acceptedAt: '2027-03-04T02:12:00.000Z',
  termsVersion: 2,
  termsSha256: SHA,
  totalCents: 55_000,
};

describe('the proposal on the booking page', () => {
  it('names where the booking came from', () => {
    expect(sourceText({ source: 'STAFF', enteredBy: 'Seattle Staff' })).toBe(
      'Phone order taken by Seattle Staff',
    );
    expect(sourceText({ source: 'STAFF', enteredBy: null })).toBe(
      'Phone order taken by a former staff member',
    );
    expect(sourceText({ source: 'WEBSITE', enteredBy: null })).toBe('Booked online');
  });

  it("says who accepted, when in the station's zone, and the terms they accepted", () => {
    expect(shortSha(SHA)).toBe('3f5a0c9e1b2d…');
    expect(acceptanceText(acceptance, 'America/Los_Angeles')).toBe(
      'Accepted by Pat Example on Wed, Mar 3, 6:12 PM PST (terms v2, SHA-256 3f5a0c9e1b2d…)',
    );
  });

  it("waits for the current version's acceptance even when an earlier one was accepted", () => {
    const booking = {
      source: 'STAFF' as const,
      proposal: { version: 2, needsAcceptance: true, acceptances: [acceptance] },
    };
    expect(proposalStatusText(booking, 'UTC')).toBe('Waiting for the customer to accept');
    const accepted = { ...acceptance, proposalVersion: 2, name: 'Sam Example' };
    expect(
      proposalStatusText(
        { ...booking, proposal: { ...booking.proposal, acceptances: [acceptance, accepted] } },
        'UTC',
      ),
    ).toMatch(/^Accepted by Sam Example on /);
    expect(
      proposalStatusText(
        { source: 'WEBSITE', proposal: { version: 1, needsAcceptance: false, acceptances: [] } },
        'UTC',
      ),
    ).toBe('Booked online; no acceptance recorded');
  });

  it('joins the proposal path to the customer site, keeping a base path', () => {
    const path = '/proposal/HB-7K2?token=1790000000.abc%2Fdef';
    expect(customerLink('http://localhost:3100', path)).toBe(
      'http://localhost:3100/proposal/HB-7K2?token=1790000000.abc%2Fdef',
    );
    expect(customerLink('https://example.com/book/', path)).toBe(
      'https://example.com/book/proposal/HB-7K2?token=1790000000.abc%2Fdef',
    );
  });
});
