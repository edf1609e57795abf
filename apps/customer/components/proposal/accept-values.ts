import type { TAcceptProposalInput } from '@hibachi/core/bookings/accept-proposal.schema';

/** The acceptance form as text: the typed name and the terms box ("on" when ticked). */
export type AcceptValues = { name?: string; agree?: string };

/**
 * `POST /api/bookings/REF/acceptance`: the name as typed, the box as ticked (an unticked box
 * is sent as false, which the API refuses at its field), and the versions and total the page
 * shows.
 */
export function toAcceptInput(
  values: AcceptValues,
  shown: { token: string; termsVersion: number; proposalVersion: number; totalCents: number },
): TAcceptProposalInput {
  return {
    token: shown.token,
    name: values.name ?? '',
    agree: (values.agree === 'on') as true,
    termsVersion: shown.termsVersion,
    proposalVersion: shown.proposalVersion,
    totalCents: shown.totalCents,
  };
}
