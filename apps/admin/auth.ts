import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { authenticateStaff, ZStaffClaims, type TStaffClaims } from '@hibachi/core/auth';
import { requireAuthSecret } from '@hibachi/core/env';
import { AppError, describeError, isAppError } from '@hibachi/core/errors';
import { REQUEST_ID_HEADER } from '@hibachi/core/http';
import { logger } from '@hibachi/core/logger';
import { clientIp } from '@hibachi/core/rate-limit';

/** Sessions end 8 hours after sign-in (and at once when core no longer accepts their claims). */
export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

// Module augmentation needs interfaces (types cannot merge).
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare module 'next-auth' {
  interface User {
    claims?: TStaffClaims;
  }
  interface Session {
    claims?: TStaffClaims;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/** A refused sign-in carrying core's answer (401 or 429), so the JSON route can send it on. */
export class StaffSignInRefused extends CredentialsSignin {
  constructor(readonly appError: AppError) {
    super(appError.code);
    this.code = appError.code === 'RATE_LIMITED' ? 'rate_limited' : 'credentials';
  }
}

const config = (): NextAuthConfig => ({
  secret: requireAuthSecret(),
  trustHost: true,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Lockout, rate limits, argon2 and audit all live in core; this only adapts the call.
      async authorize(credentials, request) {
        try {
          const staff = await authenticateStaff({
            input: { email: credentials.email, password: credentials.password },
            clientIp: clientIp(request),
            requestId: request.headers.get(REQUEST_ID_HEADER) ?? undefined,
          });
          return {
            id: staff.id,
            email: staff.email,
            name: staff.name,
            claims: {
              staffId: staff.id,
              sessionVersion: staff.sessionVersion,
              role: staff.role,
              stationId: staff.stationId,
            },
          };
        } catch (error) {
          if (isAppError(error)) throw new StaffSignInRefused(error);
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.claims) token.claims = ZStaffClaims.parse(user.claims);
      return token;
    },
    session({ session, token }) {
      return { ...session, claims: ZStaffClaims.safeParse(token.claims).data };
    },
  },
  // Auth.js logs refused sign-ins as errors through console.error; expected refusals are not errors.
  logger: {
    error(error) {
      if (error instanceof CredentialsSignin) return;
      const cause = (error as { cause?: { err?: unknown } }).cause?.err;
      logger.error({ error: describeError(cause ?? error) }, 'auth error');
    },
    warn(code) {
      logger.warn({ code }, 'auth warning');
    },
    debug() {},
  },
});

export const { handlers, auth, signIn, signOut } = NextAuth(config);
