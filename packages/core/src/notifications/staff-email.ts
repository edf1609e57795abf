import { z } from 'zod';
import { getDb } from '../db/client';
import {
  passwordHashDigest,
  passwordToken,
  setPasswordUrl,
  verifyPasswordToken,
} from '../links/password-link';
import type { OutboxRendering } from './render-outbox-email';

const ZStaffLinkPayload = z.object({
  accountId: z.uuid(),
  expiresAt: z.iso.datetime(),
  /** Which password hash the link was made for (see passwordHashDigest). */
  hashDigest: z.string(),
});

/** What a person reading the outbox sees instead of a set-password link. */
export const HIDDEN_PASSWORD_LINK = '(a one-time set-password link, not shown here)';

/**
 * A staff member's set-password e-mail, rendered at delivery: the link is signed again from
 * the account (it is never stored, so the outbox cannot leak it). Once the link no longer
 * works (used, replaced by a reset, or expired) the e-mail is not sent. `showLink: false`
 * (the outbox viewer) writes the same e-mail with the link left out.
 */
export async function renderStaffEmail(
  message: { subject: string; payload: unknown },
  now: Date,
  { showLink }: { showLink: boolean },
): Promise<OutboxRendering> {
  const payload = ZStaffLinkPayload.parse(message.payload);
  const account = await getDb().staffUser.findUnique({ where: { id: payload.accountId } });
  if (!account) return { skipped: 'the account no longer exists' };
  const token = passwordToken(account, Math.floor(Date.parse(payload.expiresAt) / 1000));
  const firstName = account.name.trim().split(/\s+/)[0] ?? '';
  const email = {
    subject: message.subject,
    text: [
      `Hi ${firstName},`,
      '',
      'Choose a password for your Hibachi at Home staff account:',
      showLink ? setPasswordUrl(token) : HIDDEN_PASSWORD_LINK,
      '',
      `The link works once, until ${new Date(payload.expiresAt).toUTCString()}.`,
      `Then sign in with ${account.email}.`,
      '',
      'If you did not expect this e-mail, you can ignore it.',
      '',
      'Hibachi at Home',
    ].join('\n'),
  };
  const works =
    account.active &&
    passwordHashDigest(account) === payload.hashDigest &&
    verifyPasswordToken(account, token, now);
  return works ? { email } : { email, skipped: 'the link was used, replaced or has expired' };
}
