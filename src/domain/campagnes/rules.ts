// The rules of a six-monthly update campaign: when it may be opened, when territories may act in it,
// who signs off and who validates, in which order. Pure functions returning a French message (or
// null when allowed), so the server refuses with the same words the tests assert, and the web can
// disable a button for the same reason.
//
// Calendar: dates are days ('YYYY-MM-DD', UTC). A campaign is open from its opening day (00:00)
// until a national user closes it (which freezes the snapshot). The closing date is the deadline to
// sign off: past it, territories may still catch up until the actual closing, and reminders turn into
// escalations to the regional coordinator.

const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Start of a day, UTC. */
export const dayStart = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
/** The day of an instant, UTC. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string =>
  dayOf(new Date(dayStart(iso).getTime() + days * DAY_MS));
/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS);

const MONTHS = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/** « 2025-05-01 » → « 1er mai 2025 ». */
export function frenchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${d === 1 ? '1er' : d} ${MONTHS[m - 1]} ${y}`;
}

export interface CampaignCalendar {
  nom: string;
  /** Opening day. */
  ouverture: string;
  /** Deadline to sign off (last day). */
  cloture: string;
  /** When a national user closed it (snapshot taken); null while not closed. */
  closedAt: Date | null;
}

export type CampaignPhase = 'a-venir' | 'ouverte' | 'en-retard' | 'close';

export const PHASE_LABELS: Record<CampaignPhase, string> = {
  'a-venir': 'À venir',
  ouverte: 'Ouverte',
  'en-retard': 'Date de clôture dépassée',
  close: 'Close',
};

export function campaignPhase(c: CampaignCalendar, now: Date): CampaignPhase {
  if (c.closedAt) return 'close';
  const today = dayOf(now);
  if (today < c.ouverture) return 'a-venir';
  if (today > c.cloture) return 'en-retard';
  return 'ouverte';
}

export interface CampaignInput {
  nom?: unknown;
  ouverture?: unknown;
  cloture?: unknown;
  territoires?: unknown;
}

export interface ValidCampaignInput {
  nom: string;
  ouverture: string;
  cloture: string;
  /** null = every territory of the current perimeter. */
  territoires: string[] | null;
}

const validDay = (value: unknown): value is string =>
  typeof value === 'string' && ISO_DAY.test(value) && dayOf(dayStart(value)) === value;

/**
 * Checks a campaign to open: a name, two real dates, closing after opening, known territories.
 * Returns every problem at once (a form shows them all).
 */
export function validateCampaignInput(
  input: CampaignInput,
  knownTerritories: ReadonlySet<string>,
): { ok: true; value: ValidCampaignInput } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const nom = typeof input.nom === 'string' ? input.nom.trim().replace(/\s+/g, ' ') : '';
  if (!nom) errors.push('Champ « nom » : le nom de la campagne est obligatoire.');
  else if (nom.length > 120) errors.push('Champ « nom » : 120 caractères au plus.');
  if (!validDay(input.ouverture))
    errors.push(
      `Champ « ouverture » : date invalide « ${String(input.ouverture ?? '')} » ; attendu AAAA-MM-JJ.`,
    );
  if (!validDay(input.cloture))
    errors.push(`Champ « cloture » : date invalide « ${String(input.cloture ?? '')} » ; attendu AAAA-MM-JJ.`);
  if (validDay(input.ouverture) && validDay(input.cloture) && input.cloture <= input.ouverture)
    errors.push(
      `Champ « cloture » : la date de clôture (${frenchDate(input.cloture)}) doit être postérieure à la date d'ouverture (${frenchDate(input.ouverture)}).`,
    );
  let territoires: string[] | null = null;
  if (input.territoires !== undefined && input.territoires !== null) {
    if (!Array.isArray(input.territoires) || input.territoires.some((t) => typeof t !== 'string')) {
      errors.push(
        'Champ « territoires » : liste d’identifiants de territoires attendue (par exemple « ti-8405 »).',
      );
    } else {
      const list = [...new Set(input.territoires as string[])];
      const unknown = list.filter((t) => !knownTerritories.has(t));
      if (unknown.length)
        errors.push(
          `Champ « territoires » : territoire${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''} : ${unknown
            .slice(0, 10)
            .map((t) => `« ${t} »`)
            .join(', ')}${unknown.length > 10 ? '…' : ''}.`,
        );
      else if (list.length === 0) errors.push('Champ « territoires » : au moins un territoire.');
      else territoires = list.sort();
    }
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { nom, ouverture: input.ouverture as string, cloture: input.cloture as string, territoires },
  };
}

/** Why nobody may act in the campaign now (review, sign-off, validation), or null when one may. */
export function cannotAct(c: CampaignCalendar, now: Date): string | null {
  const phase = campaignPhase(c, now);
  if (phase === 'a-venir')
    return `La campagne « ${c.nom} » n'est pas encore ouverte : elle ouvre le ${frenchDate(c.ouverture)}.`;
  if (phase === 'close')
    return `La campagne « ${c.nom} » est close depuis le ${frenchDate(dayOf(c.closedAt!))} : ses chiffres sont figés.`;
  return null;
}

/** Where a territory stands in a campaign. */
export interface TerritoryCampaignState {
  territoire: string;
  nom?: string;
  signedOffAt: Date | null;
  /** Sent back by the region after sign-off: the territory must sign off again. */
  sentBackAt: Date | null;
  sentBackComment: string | null;
  /** The territory's region has been validated. */
  regionValidatedAt: Date | null;
}

const tiName = (s: TerritoryCampaignState) => s.nom ?? s.territoire;

/** A review (confirmation or new action) is possible until the territory signs off. */
export function cannotReview(c: CampaignCalendar, ti: TerritoryCampaignState, now: Date): string | null {
  const closed = cannotAct(c, now);
  if (closed) return closed;
  if (ti.signedOffAt)
    return `Le territoire « ${tiName(ti)} » a déjà signé sa mise à jour le ${frenchDate(dayOf(ti.signedOffAt))} : plus de revue possible, sauf renvoi par la région.`;
  return null;
}

/** Sign-off: once, and only when every action of the territory has been reviewed (`remaining` = 0). */
export function cannotSignOff(
  c: CampaignCalendar,
  ti: TerritoryCampaignState,
  now: Date,
  remaining = 0,
): string | null {
  const closed = cannotAct(c, now);
  if (closed) return closed;
  if (ti.signedOffAt)
    return `La mise à jour du territoire « ${tiName(ti)} » a déjà été signée le ${frenchDate(dayOf(ti.signedOffAt))}.`;
  if (remaining > 0)
    return `Signature impossible : ${remaining} action${remaining > 1 ? 's restent' : ' reste'} à revoir dans le territoire « ${tiName(ti)} ». Confirmez-les ou mettez-les à jour avant de signer.`;
  return null;
}

export interface RegionCampaignState {
  region: string;
  nom?: string;
  validatedAt: Date | null;
  territories: TerritoryCampaignState[];
}

/** The region validates once, when every territory of the campaign in the region has signed off. */
export function cannotValidate(c: CampaignCalendar, region: RegionCampaignState, now: Date): string | null {
  const closed = cannotAct(c, now);
  if (closed) return closed;
  const name = region.nom ?? region.region;
  if (region.territories.length === 0)
    return `La région « ${name} » n'a aucun territoire dans la campagne « ${c.nom} ».`;
  if (region.validatedAt)
    return `La région « ${name} » a déjà été validée le ${frenchDate(dayOf(region.validatedAt))}.`;
  const missing = region.territories.filter((t) => !t.signedOffAt);
  if (missing.length)
    return `Validation impossible : ${missing.length} territoire${missing.length > 1 ? 's' : ''} de la région n'${missing.length > 1 ? 'ont' : 'a'} pas signé leur mise à jour (${missing
      .slice(0, 5)
      .map(tiName)
      .join(', ')}${missing.length > 5 ? '…' : ''}).`;
  return null;
}

/** Sending a territory back: it must have signed off, its region not yet validated, with a comment. */
export function cannotSendBack(
  c: CampaignCalendar,
  ti: TerritoryCampaignState,
  comment: string,
  now: Date,
): string | null {
  const closed = cannotAct(c, now);
  if (closed) return closed;
  if (!comment.trim()) return 'Champ « commentaire » : dites au territoire ce qu’il doit revoir.';
  if (comment.length > 2000) return 'Champ « commentaire » : 2 000 caractères au plus.';
  if (ti.regionValidatedAt)
    return `La région du territoire « ${tiName(ti)} » est déjà validée : le renvoi n'est plus possible.`;
  if (!ti.signedOffAt)
    return `Le territoire « ${tiName(ti)} » n'a pas encore signé sa mise à jour : rien à renvoyer.`;
  return null;
}

/** Closing freezes the snapshot; it can only happen once the campaign has opened. */
export function cannotClose(c: CampaignCalendar, now: Date): string | null {
  if (c.closedAt) return `La campagne « ${c.nom} » est déjà close (le ${frenchDate(dayOf(c.closedAt))}).`;
  if (campaignPhase(c, now) === 'a-venir')
    return `La campagne « ${c.nom} » n'est pas encore ouverte (ouverture le ${frenchDate(c.ouverture)}) : elle ne peut pas être close.`;
  return null;
}
