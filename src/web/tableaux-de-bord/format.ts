/** French numbers for charts and tables (narrow no-break space for thousands, decimal comma). */
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export const formatFrNumber = (n: number | null | undefined) => (n == null ? '—' : integer.format(n));
export const formatFrPercent = (n: number | null | undefined) => (n == null ? '—' : `${decimal.format(n)} %`);
