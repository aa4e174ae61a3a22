// French number formatting for legends, tables and portraits, written by hand rather than with
// Intl so that the server, the browser and the tests produce the very same characters whatever
// their ICU version. Thousands are separated by a narrow no-break space (U+202F, as the French
// typography and modern browsers do), decimals by a comma.

export const THOUSANDS_SEPARATOR = '\u202f';
/** No-break space before a unit (« 18,2 % », « 12 500 emplois »). */
export const UNIT_SEPARATOR = '\u00a0';

/** 1234567.891 → « 1 234 567,9 » with `decimals` = 1. */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return String(value);
  const fixed = Math.abs(value).toFixed(decimals);
  const [intPart, decPart] = fixed.split('.');
  const grouped = intPart!.replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS_SEPARATOR);
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? '-' : ''}${grouped}${decPart ? `,${decPart}` : ''}`;
}

/** « 18,2 % » */
export function formatPercent(value: number, decimals = 1): string {
  return `${formatNumber(value, decimals)}${UNIT_SEPARATOR}%`;
}

/** « +3,4 % », « -1,2 % »: evolutions carry their sign. */
export function formatSignedPercent(value: number, decimals = 1): string {
  const text = formatPercent(value, decimals);
  return value > 0 && !/^0(,0*)?\u00a0%$/.test(text) ? `+${text}` : text;
}

/** « 11,4 M » for big counts in titles, keeping one decimal. */
export function formatMillions(value: number, decimals = 1): string {
  return `${formatNumber(value / 1_000_000, decimals)}${UNIT_SEPARATOR}M`;
}
