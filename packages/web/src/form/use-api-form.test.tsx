// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromMajorUnits, toMajorUnits } from '@hibachi/core/money/format-money';
import { ApiError } from '../fetch-json';
import { Field, MoneyField } from './field';
import { useApiForm } from './use-api-form';

type Values = { name: string; priceCents: string };
type Body = { name: string; priceCents: number };

const ZDish = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name'),
  priceCents: z.number('Enter an amount').int().min(0),
});

/** A form as the apps build one: defaults and body through a pair of mappers, the API's schema. */
function DishForm({
  currency,
  priceCents,
  sent,
  error,
}: {
  currency: string;
  priceCents: number;
  sent: Body[];
  error?: unknown;
}) {
  const { fields, formProps } = useApiForm<Values, Body>({
    id: 'dish',
    defaultValue: { name: 'Gyoza', priceCents: toMajorUnits(priceCents, currency) },
    toInput: (values) => ({
      name: values.name,
      priceCents: fromMajorUnits(values.priceCents, currency),
    }),
    schema: ZDish,
    onValid: (body) => sent.push(body),
    error,
  });
  return (
    <form {...formProps}>
      <Field field={fields.name} label="Dish" hint="As the menu writes it" />
      <MoneyField field={fields.priceCents} currency={currency} label="Price" />
      <button type="submit">Save</button>
    </form>
  );
}

const submit = () => act(() => fireEvent.click(screen.getByRole('button', { name: 'Save' })));

afterEach(cleanup);

describe('useApiForm with Field', () => {
  it('writes and reads a yen amount without decimals, and sends the body', async () => {
    const sent: Body[] = [];
    render(<DishForm currency="JPY" priceCents={5000} sent={sent} />);
    const price = screen.getByLabelText('Price');
    expect(price).toHaveProperty('value', '5000');
    fireEvent.change(price, { target: { value: '5,400' } });
    await submit();
    expect(sent).toEqual([{ name: 'Gyoza', priceCents: 5400 }]);
  });

  it('sends cents for a two-decimal currency', async () => {
    const sent: Body[] = [];
    render(<DishForm currency="USD" priceCents={1250} sent={sent} />);
    expect(screen.getByLabelText('Price')).toHaveProperty('value', '12.50');
    await submit();
    expect(sent).toEqual([{ name: 'Gyoza', priceCents: 1250 }]);
  });

  it('shows the schema’s messages under their fields, tied to them, and focuses the first', async () => {
    const sent: Body[] = [];
    render(<DishForm currency="USD" priceCents={1250} sent={sent} />);
    const name = screen.getByLabelText('Dish');
    fireEvent.change(name, { target: { value: ' ' } });
    fireEvent.change(screen.getByLabelText('Price'), { target: { value: 'free' } });
    await submit();
    expect(sent).toEqual([]);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const described = (name.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(['As the menu writes it', 'Enter a name']);
    expect(screen.getByLabelText('Price').getAttribute('aria-describedby')).toBe(
      'dish-priceCents-error',
    );
    expect(document.getElementById('dish-priceCents-error')?.textContent).toBe('Enter an amount');
    expect(document.activeElement).toBe(name);
  });

  it('shows a refusal’s field messages from the API under the field they name', () => {
    const refusal = new ApiError(400, 'VALIDATION_FAILED', 'Check the highlighted fields.', {
      priceCents: ['Not more than the event minimum'],
    });
    render(<DishForm currency="USD" priceCents={1250} sent={[]} error={refusal} />);
    const price = screen.getByLabelText('Price');
    expect(price.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('dish-priceCents-error')?.textContent).toBe(
      'Not more than the event minimum',
    );
    expect(screen.getByLabelText('Dish').getAttribute('aria-invalid')).toBeNull();
  });
});
