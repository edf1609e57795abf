// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Field } from './field';
import { useApiForm } from './use-api-form';

type Values = { name: string; zones?: { prefix?: string }[] };

/** A form with a list (as the travel zones are) and the checks made as each field is left. */
function ZonesForm({ sent }: { sent: Values[] }) {
  const { form, fields, formProps } = useApiForm<Values, Values>({
    id: 'zones',
    defaultValue: { name: 'Tokyo', zones: [{ prefix: 'SW' }] },
    toInput: (values) => values,
    schema: z.object({ name: z.string().min(2, 'Enter a name') }),
    validateOn: 'blur',
    onValid: (body) => {
      sent.push(body);
      form.reset();
    },
  });
  const zones = fields.zones;
  return (
    <form {...formProps}>
      <Field field={fields.name} label="Name" />
      {zones.getFieldList().map((item, index) => (
        <Field key={item.key} field={item.getFieldset().prefix} label={`Zone ${index + 1}`} />
      ))}
      <button
        type="button"
        onClick={() => form.insert({ name: zones.name, defaultValue: { prefix: 'E' } })}
      >
        Add a zone
      </button>
      <button type="button" onClick={() => form.remove({ name: zones.name, index: 0 })}>
        Remove zone 1
      </button>
      <button type="submit">Save</button>
    </form>
  );
}

const click = (name: string) => act(() => fireEvent.click(screen.getByText(name)));
const message = () => document.getElementById('zones-name-error')?.textContent;

afterEach(cleanup);

describe('useApiForm, beyond one submit', () => {
  it('adds and removes list rows, and sends what is on the form', async () => {
    const sent: Values[] = [];
    render(<ZonesForm sent={sent} />);
    await click('Add a zone');
    expect(screen.getByLabelText('Zone 2')).toHaveProperty('value', 'E');
    await click('Remove zone 1');
    expect(screen.queryByLabelText('Zone 2')).toBeNull();
    expect(screen.getByLabelText('Zone 1')).toHaveProperty('value', 'E');
    await click('Save');
    expect(sent).toEqual([{ name: 'Tokyo', zones: [{ prefix: 'E' }] }]);
  });

  it('checks a field as it is left, follows the typing after, and starts afresh once saved', async () => {
    const sent: Values[] = [];
    render(<ZonesForm sent={sent} />);
    const name = screen.getByLabelText('Name');
    fireEvent.change(name, { target: { value: 'T' } });
    expect(message()).toBe('');
    await act(() => fireEvent.focusOut(name));
    expect(message()).toBe('Enter a name');
    await act(() => fireEvent.input(name, { target: { value: 'Tokyo Bay' } }));
    expect(message()).toBe('');
    await click('Save');
    expect(sent).toEqual([{ name: 'Tokyo Bay', zones: [{ prefix: 'SW' }] }]);
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Tokyo');
  });
});
