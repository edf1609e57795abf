'use client';

import { useEffect, useState } from 'react';
import {
  MESSAGE_MAX_LENGTH,
  type TStartConversationInput,
} from '@hibachi/core/conversations/conversation.schema';
import type { TStationSummary } from '@hibachi/core/stations/station.schema';
import { fetchJson } from '@hibachi/web/fetch-json';
import { Field, SelectField, TextareaField } from '@hibachi/web/field';
import { toFieldErrors } from '@hibachi/web/field-errors';
import { useApiForm } from '@hibachi/web/use-api-form';
import { toStartConversationInput, type StartValues } from './start-values';
import type { useChat } from './use-chat';

/** A new conversation: a location, name and e-mail (or the page's booking) and a first message. */
export function StartForm({
  booking,
  onStart,
}: {
  booking?: { reference: string; token: string };
  onStart: ReturnType<typeof useChat>['start'];
}) {
  const [stations, setStations] = useState<TStationSummary[]>([]);
  const [failure, setFailure] = useState<Error>();
  const [pending, setPending] = useState(false);
  useEffect(() => {
    if (!booking) void fetchJson<TStationSummary[]>('/api/stations').then(setStations, () => []);
  }, [booking]);
  const preselected =
    typeof window === 'undefined'
      ? ''
      : (new URLSearchParams(window.location.search).get('station') ?? '');
  const { fields, formProps } = useApiForm<StartValues, TStartConversationInput>({
    id: 'chat-start',
    defaultValue: { station: preselected, name: '', email: '', message: '', website: '' },
    toInput: (values) => toStartConversationInput(values, booking, crypto.randomUUID()),
    onValid: (body) => void start(body),
    error: failure,
  });

  async function start(body: TStartConversationInput) {
    setPending(true);
    setFailure(undefined);
    try {
      await onStart(body);
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error('Something went wrong.'));
    } finally {
      setPending(false);
    }
  }

  return (
    <form {...formProps} className="chat-start chat-body">
      <p className="small">
        {booking
          ? `Ask us anything about booking ${booking.reference}.`
          : 'Ask us anything: dates, menus, big parties. We answer here and by e-mail.'}
      </p>
      {booking ? null : (
        <>
          <SelectField field={fields.station} label="Location" required>
            <option value="">Choose…</option>
            {stations.map((station) => (
              <option key={station.slug} value={station.slug}>
                {station.name}
              </option>
            ))}
          </SelectField>
          <Field
            field={fields.name}
            label="Your name"
            autoComplete="name"
            required
            maxLength={100}
          />
          <Field
            field={fields.email}
            label="E-mail"
            type="email"
            autoComplete="email"
            required
            maxLength={254}
          />
        </>
      )}
      <TextareaField
        field={fields.message}
        label="Message"
        rows={3}
        maxLength={MESSAGE_MAX_LENGTH}
        // The API names the message's text `message.body` (the form's one field for it).
        errors={toFieldErrors(failure)['message.body']}
      />
      {/* A honeypot, not a field: people never see or fill it. */}
      <label className="chat-website" aria-hidden="true">
        Website
        <input name={fields.website.name} tabIndex={-1} autoComplete="off" />
      </label>
      {failure ? (
        <p className="field-error" role="alert">
          {failure.message}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Starting…' : 'Start chatting'}
      </button>
    </form>
  );
}
