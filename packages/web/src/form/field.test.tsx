// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Field, fieldOf, SelectField } from './field';

afterEach(cleanup);

describe('Field inline', () => {
  it('labels its control beside it and keeps no empty message line', () => {
    const { container } = render(
      <SelectField field={fieldOf('chef')} label="Chef" inline value="" onChange={() => {}}>
        <option value="">All chefs</option>
      </SelectField>,
    );
    const select = screen.getByLabelText('Chef');
    expect(select.id).toBe('chef');
    expect(select.closest('.field')?.className).toBe('field field-inline');
    expect(container.querySelector('#chef-error')).toBeNull();
  });

  it('shows a message when there is one, read with the control', () => {
    render(<Field field={fieldOf('date')} label="Date" inline errors={['Pick a date']} />);
    const input = screen.getByLabelText('Date');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('date-error');
    expect(document.getElementById('date-error')?.textContent).toBe('Pick a date');
  });

  it('leaves the block as it was without the variant', () => {
    const { container } = render(<Field field={fieldOf('q')} label="Search" className="wide" />);
    expect(container.querySelector('.field')?.className).toBe('field wide');
    expect(container.querySelector('#q-error')).not.toBeNull();
  });
});
