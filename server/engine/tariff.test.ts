import { describe, expect, it } from 'vitest';
import { periodOfHour } from './tariff';

describe('tariff periods', () => {
  it('maps every local hour to its period, wrapping past midnight', () => {
    const table = periodOfHour([
      { name: 'peak', startHour: 8, endHour: 22 },
      { name: 'valley', startHour: 22, endHour: 8 },
    ]);

    expect(table[7]).toBe(1);
    expect(table[8]).toBe(0);
    expect(table[21]).toBe(0);
    expect(table[22]).toBe(1);
  });

  it('takes a single period of 0–24 as the whole day', () => {
    expect(periodOfHour([{ name: 'flat', startHour: 0, endHour: 24 }])).toEqual(
      Array.from({ length: 24 }, () => 0),
    );
  });

  it('refuses periods that leave an hour out or overlap', () => {
    expect(() => periodOfHour([{ name: 'day', startHour: 8, endHour: 20 }])).toThrow(
      'tariff: hour 0 is in no period',
    );
    expect(() =>
      periodOfHour([
        { name: 'a', startHour: 0, endHour: 13 },
        { name: 'b', startHour: 12, endHour: 24 },
      ]),
    ).toThrow('tariff: hour 12 is in two periods');
  });
});
