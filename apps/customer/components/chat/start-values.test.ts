import { describe, expect, it } from 'vitest';
import { ZStartConversationInput } from '@hibachi/core/conversations/conversation.schema';
import { toStartConversationInput } from './start-values';

describe('the chat start form', () => {
  it('sends the contact and the first message with its id', () => {
    const body = toStartConversationInput(
      { station: 'denver', name: 'Ana', email: 'ana@example.com', message: ' Hi! ', website: '' },
      undefined,
      '5f0c6a3e-2b1d-4c8e-9f7a-1d2e3f4a5b6c',
    );
    expect(body).toEqual({
      station: 'denver',
      name: 'Ana',
      email: 'ana@example.com',
      message: { clientMessageId: '5f0c6a3e-2b1d-4c8e-9f7a-1d2e3f4a5b6c', body: 'Hi!' },
      website: '',
    });
    expect(ZStartConversationInput.safeParse(body).success).toBe(true);
  });

  it('sends the page booking instead of a contact, and no message when none is written', () => {
    const booking = { reference: 'HB-7K3P9Q', token: 'abcdefghijkl.mnop' };
    expect(toStartConversationInput({ message: '  ' }, booking, 'm-2')).toEqual({
      ...booking,
      message: undefined,
      website: '',
    });
  });

  it('sends the honeypot as a bot filled it, for the API to refuse', () => {
    const body = toStartConversationInput(
      { station: 'denver', name: 'Bot', email: 'bot@example.com', message: 'Buy', website: 'x' },
      undefined,
      'm-3',
    );
    expect(ZStartConversationInput.safeParse(body).success).toBe(false);
  });
});
