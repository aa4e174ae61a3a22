/** Formatting shared by the campaign pages. */
const dateTime = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Paris',
});

/** « 20 mai 2025 à 09:30 » */
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)).replace(' ', ' ') : '—';

/** Share [0, 1] → « 62,5 % ». */
export const formatShare = (share: number) =>
  `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(share * 100)} %`;

/** « +12 », « −3 », « 0 ». */
export const formatDelta = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0');

/** DSFR badge severity of a territory's campaign status. */
export const STATUT_SEVERITY = {
  'a-faire': 'error',
  'en-cours': 'warning',
  'revue-terminee': 'info',
  signe: 'new',
  renvoye: 'warning',
  valide: 'success',
} as const;

/** Map colours of a territory's campaign status (contrast checked on white). */
export const STATUT_COLOURS: Record<string, string> = {
  'a-faire': '#ce0500',
  'en-cours': '#b34000',
  'revue-terminee': '#0063cb',
  renvoye: '#a94645',
  signe: '#6a6af4',
  valide: '#18753c',
};
