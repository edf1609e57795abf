import { hash } from '@node-rs/argon2';
import { writeAudit } from '../audit/write-audit';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { fieldError, parseInput } from '../validation';
import { readPasswordToken, verifyPasswordToken } from '../links/password-link';
import { passwordMatchesEmail } from './password-policy';
import { ZSetPassword } from './staff.schema';

const LINK_REFUSED =
  'This link has expired or was used already. Ask your administrator for a new one.';

/**
 * `POST /api/set-password` (signed out): the owner of a one-time link chooses a password.
 * The link is checked under a row lock, so two tabs using it at once cannot both succeed;
 * it stops working once used (the hash it covers changes). Earlier sessions end.
 */
export async function setStaffPassword(options: {
  input: unknown;
  requestId?: string;
  now?: Date;
}): Promise<{ email: string }> {
  const input = parseInput(ZSetPassword, options.input);
  const parsed = readPasswordToken(input.token);
  if (!parsed)
    throw new AppError('NOT_FOUND', LINK_REFUSED, { details: { reason: 'LINK_INVALID' } });
  // Hashed before the transaction: argon2 takes a while and holds no lock.
  const passwordHash = await hash(input.password);
  return inTransaction(async (tx) => {
    const [account] = await tx.$queryRaw<
      {
        id: string;
        email: string;
        passwordHash: string;
        active: boolean;
        stationId: string | null;
      }[]
    >`SELECT id, email, "passwordHash", active, "stationId" FROM "StaffUser"
       WHERE id = ${parsed.accountId}::uuid FOR UPDATE`;
    if (!account || !account.active || !verifyPasswordToken(account, input.token, options.now))
      throw new AppError('NOT_FOUND', LINK_REFUSED, { details: { reason: 'LINK_INVALID' } });
    const tooClose = passwordMatchesEmail(input.password, account.email);
    if (tooClose) throw fieldError('password', tooClose);
    await tx.staffUser.update({
      where: { id: account.id },
      data: {
        passwordHash,
        passwordSetAt: options.now ?? new Date(),
        failedLoginCount: 0,
        lockedUntil: null,
        sessionVersion: { increment: 1 },
      },
    });
    await writeAudit(tx, {
      actorType: 'STAFF',
      actorId: account.id,
      stationId: account.stationId ?? undefined,
      entityType: 'StaffUser',
      entityId: account.id,
      action: 'staff.password_set',
      requestId: options.requestId,
    });
    return { email: account.email };
  });
}
