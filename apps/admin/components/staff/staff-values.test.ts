import { describe, expect, it } from 'vitest';
import { toCreateStaffInput, toSetPasswordInput, toUpdateStaffInput } from './staff-values';

describe('the staff forms', () => {
  it('give a station to the roles that have one, and a chef to a CHEF account', () => {
    expect(
      toCreateStaffInput({ email: 'a@b.test', name: 'Ana', role: 'MANAGER', station: 'denver' }),
    ).toEqual({ email: 'a@b.test', name: 'Ana', role: 'MANAGER', station: 'denver' });
    expect(
      toCreateStaffInput({
        email: 'c@b.test',
        name: 'Cy',
        role: 'CHEF',
        station: 'denver',
        chef: 'k1',
      }),
    ).toEqual({ email: 'c@b.test', name: 'Cy', role: 'CHEF', station: 'denver', chef: 'k1' });
    expect(
      toCreateStaffInput({ email: 's@b.test', name: 'Su', role: 'SUPER_ADMIN', station: 'denver' }),
    ).toEqual({ email: 's@b.test', name: 'Su', role: 'SUPER_ADMIN' });
  });

  it('sends an empty station on a change of role, for the API to refuse', () => {
    expect(toUpdateStaffInput({ role: 'STAFF', station: '' })).toEqual({
      role: 'STAFF',
      station: '',
    });
    expect(toUpdateStaffInput({ role: 'SUPER_ADMIN', station: 'denver' })).toEqual({
      role: 'SUPER_ADMIN',
    });
  });

  it('sends the password with the link token, and keeps the repeat for the comparison', () => {
    expect(toSetPasswordInput({ password: 'copper grill', repeat: 'copper gril' }, 't1')).toEqual({
      token: 't1',
      password: 'copper grill',
      repeat: 'copper gril',
    });
  });
});
