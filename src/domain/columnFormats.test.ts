import { describe, expect, it } from 'vitest';
import { inferColumnFormat, type ColumnFormat } from './columnFormats';

describe('inferColumnFormat', () => {
  it.each<[string, string[], ColumnFormat]>([
    [
      'German amounts',
      ['1.234,56', '89,90', '-250,00'],
      {
        decimal: ',',
        decimalAmbiguous: false,
        dateOrder: 'dmy',
        dateAmbiguous: false,
        excelSerial: false,
      },
    ],
    [
      'English amounts with currency',
      ['$1,234.56', '$980.00', '-$75.25'],
      {
        decimal: '.',
        decimalAmbiguous: false,
        dateOrder: 'dmy',
        dateAmbiguous: false,
        excelSerial: false,
      },
    ],
    [
      'amounts that never decide',
      ['1,234', '5,000', '12'],
      {
        decimal: '.',
        decimalAmbiguous: true,
        dateOrder: 'dmy',
        dateAmbiguous: false,
        excelSerial: false,
      },
    ],
    [
      'German dates',
      ['05.03.2024', '28.03.2024'],
      {
        decimal: '.',
        decimalAmbiguous: false,
        dateOrder: 'dmy',
        dateAmbiguous: false,
        excelSerial: false,
      },
    ],
    [
      'US dates with times',
      ['3/5/2024', '3/15/2024 14:30'],
      {
        decimal: '.',
        decimalAmbiguous: false,
        dateOrder: 'mdy',
        dateAmbiguous: false,
        excelSerial: false,
      },
    ],
    [
      'ISO dates',
      ['2024-03-05', '2024-12-31'],
      {
        decimal: '.',
        decimalAmbiguous: false,
        dateOrder: 'ymd',
        dateAmbiguous: false,
        excelSerial: false,
      },
    ],
    [
      'undecided slash dates',
      ['05/03/2024', '06/04/2024'],
      {
        decimal: '.',
        decimalAmbiguous: false,
        dateOrder: 'dmy',
        dateAmbiguous: true,
        excelSerial: false,
      },
    ],
    [
      'Excel serial dates',
      ['45356', '45366.5', '45351'],
      {
        decimal: '.',
        decimalAmbiguous: false,
        dateOrder: 'dmy',
        dateAmbiguous: false,
        excelSerial: true,
      },
    ],
    [
      'empty column',
      [],
      {
        decimal: '.',
        decimalAmbiguous: false,
        dateOrder: 'dmy',
        dateAmbiguous: false,
        excelSerial: false,
      },
    ],
  ])('%s', (_name, samples, format) => {
    expect(inferColumnFormat(samples)).toEqual(format);
  });
});
