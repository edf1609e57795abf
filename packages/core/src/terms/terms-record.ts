import { createHash } from 'node:crypto';
import type { StationTerms } from '../generated/prisma/client';
import type { TTermsVersion } from './terms.schema';

export const sha256Of = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

export function toTermsVersion(terms: StationTerms): TTermsVersion {
  return {
    version: terms.version,
    sha256: terms.sha256,
    body: terms.body,
    createdAt: terms.createdAt.toISOString(),
  };
}
