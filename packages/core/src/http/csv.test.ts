import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say ""hi"""'],
    ['a,b\nc', '"a,b\nc"'],
    ['=SUM(A1:A2)', `"'=SUM(A1:A2)"`],
    ['+1 555', `"'+1 555"`],
    ['-2', `"'-2"`],
    ['@cmd', `"'@cmd"`],
    ['\tx', `"'\tx"`],
    [null, '""'],
  ])('%j → %s', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('leaves numbers as numbers (a negative amount is not a formula)', () => {
    expect(csvCell(-12.5)).toBe('"-12.5"');
    expect(csvRow(['a', 1])).toBe('"a","1"\r\n');
  });
});
