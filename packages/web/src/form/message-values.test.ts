import { describe, expect, it } from 'vitest';
import { toMessageText } from './message-values';

describe('a chat message', () => {
  it('is sent without the spaces and blank lines around it; blank sends nothing', () => {
    expect(toMessageText({ body: '\n  Thirty guests?  \n' })).toBe('Thirty guests?');
    expect(toMessageText({ body: '  \n ' })).toBe('');
  });
});
