// The number and date conventions of one imported column, inferred from its values so that a
// German `1.234,56` or a US `3/5/2024` is read as meant. Pure; the UI shows ambiguous results to
// the user to confirm.
import { inferDateOrder, type DateOrder } from './date';
import { inferDecimalSeparator, type DecimalSeparator } from './money';

export interface ColumnFormat {
  decimal: DecimalSeparator;
  /** True when no value decided the decimal separator (only `1,234`-style) or values disagree. */
  decimalAmbiguous: boolean;
  dateOrder: DateOrder;
  /** True when no value decided day vs month (only `05/03/2024`-style) or values disagree. */
  dateAmbiguous: boolean;
  /** Plain 5-digit numbers: Excel serial dates. */
  excelSerial: boolean;
}

/**
 * Infers both conventions from a column's sample values. Only the half that fits the column's
 * role is meaningful: `decimal*` for an amount column, `date*`/`excelSerial` for a date column
 * (an amount column of 5-digit integers would report `excelSerial: true`).
 */
export function inferColumnFormat(samples: readonly string[]): ColumnFormat {
  const { decimal, ambiguous: decimalAmbiguous } = inferDecimalSeparator(samples);
  const { order: dateOrder, ambiguous: dateAmbiguous, excelSerial } = inferDateOrder(samples);
  return { decimal, decimalAmbiguous, dateOrder, dateAmbiguous, excelSerial };
}
