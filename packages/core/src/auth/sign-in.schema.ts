import { z } from 'zod';

/** The admin sign-in form and `POST /api/session` share this schema. */
export const ZSignInInput = z.strictObject({
  email: z
    .string({ error: 'Enter your e-mail address' })
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter a valid e-mail address').max(254, 'That e-mail address is too long')),
  password: z
    .string({ error: 'Enter your password' })
    .min(1, 'Enter your password')
    .max(200, 'That password is too long'),
});
export type TSignInInput = z.input<typeof ZSignInInput>;
