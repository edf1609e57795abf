import { describe, expect, it } from 'vitest';
import { toChefInput, toDeactivateInput } from './chef-values';

describe('the chef forms', () => {
  it('send the name and colour as chosen', () => {
    expect(toChefInput({ name: 'Aiko', color: '#2a9d8f' })).toEqual({
      name: 'Aiko',
      color: '#2a9d8f',
    });
  });

  it('move upcoming bookings only when the box is ticked', () => {
    expect(toDeactivateInput({ reassign: 'on' })).toEqual({ reassign: true });
    expect(toDeactivateInput({})).toEqual({ reassign: false });
  });
});
