import { describe, expect, it } from 'vitest';
import { ZAcceptProposalInput } from '@hibachi/core/bookings/accept-proposal.schema';
import { toAcceptInput } from './accept-values';

const shown = {
  token: '1893456000.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  termsVersion: 3,
  proposalVersion: 2,
  totalCents: 63_000,
};

describe('the acceptance form', () => {
  it('sends the typed name, the ticked box and the versions the page showed', () => {
    const body = toAcceptInput({ name: '  Zoë Ångström ', agree: 'on' }, shown);
    expect(body).toEqual({ ...shown, name: '  Zoë Ångström ', agree: true });
    expect(ZAcceptProposalInput.parse(body).name).toBe('Zoë Ångström');
  });

  it('is refused at the box when it is not ticked, and at the name when it is empty', () => {
    const result = ZAcceptProposalInput.safeParse(toAcceptInput({ name: '' }, shown));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['name', 'agree']));
  });
});
