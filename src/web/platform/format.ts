/** French number formatting shared by every page. */
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** 40 512 345 */
export const formatInteger = (n: number | null | undefined) => (n == null ? '—' : integer.format(n));

/** 40,5 M */
export const formatMillions = (n: number | null | undefined) =>
  n == null ? '—' : `${oneDecimal.format(n / 1_000_000)} M`;

/** 0.81 → « 81 % »; 81 → « 81 % » (values above 1 are taken as already in percent). */
export const formatPercent = (n: number | null | undefined) =>
  n == null ? '—' : `${integer.format(n <= 1 ? n * 100 : n)} %`;

/** « 1 commune », « 12 communes ». */
export const plural = (n: number, singular: string, pluralForm = `${singular}s`) =>
  `${formatInteger(n)} ${n > 1 ? pluralForm : singular}`;

const longDate = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** « 2024-09-16 » → « 16 septembre 2024 »; anything else is returned as is. */
export const formatDate = (iso: string | null | undefined) => {
  if (!iso) return '—';
  const date = /^\d{4}-\d{2}-\d{2}/.test(iso) ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
  return date && !Number.isNaN(date.getTime()) ? longDate.format(date) : iso;
};
