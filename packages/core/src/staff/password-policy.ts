import { z } from 'zod';

/**
 * Passwords staff choose: at least 12 characters, not a well-known password, and not built
 * from their own e-mail. Browser-safe, so the set-password form says so before sending.
 */
export const MIN_PASSWORD_LENGTH = 12;

/** Lower-cased passwords from the most-used lists that are 12+ characters long. */
const COMMON_PASSWORDS = new Set([
  '123456789012',
  '1234567890123',
  '12345678901234',
  '123456789012345',
  '1234567890qwerty',
  'qwertyuiopasdfgh',
  'qwertyuiop123',
  'qwerty123456',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'password1234',
  'password12345',
  'password123456',
  'passwordpassword',
  'iloveyou1234',
  'letmein12345',
  'welcome12345',
  'welcome123456',
  'administrator',
  'admin1234567',
  'changeme1234',
  'aaaaaaaaaaaa',
  '111111111111',
  '000000000000',
  'abcdefghijkl',
  'abc123456789',
  'football1234',
  'baseball1234',
  'sunshine1234',
  'princess1234',
  'trustno11234',
  'starwars1234',
  'hibachi12345',
  'hibachiathome',
  'demo-password-123',
]);

export const ZNewPassword = z
  .string({ error: 'Choose a password' })
  .min(MIN_PASSWORD_LENGTH, `At least ${MIN_PASSWORD_LENGTH} characters`)
  .max(256, 'At most 256 characters')
  .refine((password) => !COMMON_PASSWORDS.has(password.toLowerCase()), {
    message: 'This password is too common: choose another',
  })
  .refine((password) => new Set(password).size >= 4, {
    message: 'Use more different characters',
  });

/** Why a password is too close to its owner's e-mail, or undefined. */
export function passwordMatchesEmail(password: string, email: string): string | undefined {
  const lower = password.toLowerCase();
  const [local = ''] = email.toLowerCase().split('@');
  if (lower.includes(email.toLowerCase()) || (local.length >= 4 && lower.includes(local)))
    return 'Do not use your e-mail address in your password';
  return undefined;
}
