import { describe, expect, it } from 'vitest';
import { ImportError, parseMapping } from './mapping';

const long = {
  format: 'long',
  columns: { meter: 'meter', time: 'time', value: 'value' },
  timeFormat: 'dd/MM/yyyy HH:mm',
  zone: 'Europe/Madrid',
  unit: 'L',
};

describe('parseMapping', () => {
  it('fills the defaults', () => {
    expect(parseMapping(long)).toMatchObject({
      delimiter: ',',
      decimal: '.',
      headerRows: 0,
      header: true,
      kind: 'register',
      scale: 1,
    });
  });

  it('names every field at fault with its value', () => {
    const bad = { ...long, format: 'long', timeFormat: 'HH:mm', delimiter: ';;', scale: -1 };
    expect(() => parseMapping(bad)).toThrow(ImportError);
    expect(() => parseMapping(bad)).toThrow(
      'mapping.delimiter: ";;" — delimiter is one character; ' +
        'mapping.timeFormat: "HH:mm" — timeFormat must be "iso" or a luxon format with day, ' +
        'month and year; ' +
        'mapping.scale: -1 — scale must be > 0',
    );
    expect(() => parseMapping({ ...long, format: 'tall' })).toThrow(
      'mapping.format: "tall" — format must be "long" or "wide"',
    );
  });

  it('refuses names without a header, two keys on one meter, and a comma for both marks', () => {
    expect(() => parseMapping({ ...long, header: false })).toThrow(
      'mapping.columns.meter: "meter" — without a header, ' +
        'columns are given by position (0, 1, …)',
    );
    expect(() =>
      parseMapping({ ...long, meters: { a: 'M3-office-f1', b: 'M3-office-f1' } }),
    ).toThrow(
      "mapping.meters.b: \"M3-office-f1\" — meter 'M3-office-f1' is already mapped from 'a'",
    );
    expect(() => parseMapping({ ...long, decimal: ',' })).toThrow(
      'mapping.decimal: "," — a decimal comma needs another delimiter',
    );
  });
});
