import { thematiqueLabel } from '../../domain/actions/vocabulary';
import { formatDate } from '../platform/format';

// Display of action fields (lists, sheets, history, conflicts).

const euros = new Intl.NumberFormat('fr-FR', {
  style: 'currency',
  currency: 'EUR',
  maximumFractionDigits: 2,
});
export const formatEuros = (n: number | null | undefined) => (n == null ? '—' : euros.format(n));

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});
export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** A field value from the API (history before/after, conflicts) as a person reads it. */
export function formatValue(champ: string | null, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(vide)';
  if (champ === 'statut') return STATUT_LABELS[String(value)] ?? String(value);
  if (champ === 'axe') return AXE_LABELS[String(value)] ?? String(value);
  if (champ === 'thematiques' && Array.isArray(value))
    return value.length ? value.map((v) => thematiqueLabel(String(v))).join(', ') : '(aucune)';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(aucun)';
  if (champ === 'budgetPrevisionnel' || champ === 'financementsObtenus') return formatEuros(Number(value));
  if (champ === 'dateDebut' || champ === 'dateFin') return formatDate(String(value));
  if (typeof value === 'object') return '(fiche complète)';
  return String(value);
}

import { AXES, STATUTS_REPORTED } from '../../domain/actions/vocabulary';

const STATUT_LABELS: Record<string, string> = Object.fromEntries(
  STATUTS_REPORTED.map((s) => [s.code, s.label]),
);
STATUT_LABELS.null = 'Non renseigné';
const AXE_LABELS: Record<string, string> = Object.fromEntries(AXES.map((a) => [a.code, a.label]));
