// When a campaign reminds and escalates, and what the emails say. Reminders go to the territorial
// team of each TI that has not signed off, before the closing date; after it, an escalation goes to
// the regional coordinator with the list of TI still missing. Each planned send has a stable key, so
// the job scheduler creates it once and a restart or a second server instance never sends it twice.

import { addDays, type CampaignCalendar, dayStart, frenchDate } from './rules';

export type ReminderKind = 'rappel' | 'relance-regionale' | 'manuel';
export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  rappel: 'Rappel avant clôture',
  'relance-regionale': 'Relance à la coordination régionale',
  manuel: 'Rappel envoyé par l’équipe nationale',
};

/** Days relative to the closing date: two reminders before, two escalations after. */
export const REMINDER_PLAN: readonly { kind: Exclude<ReminderKind, 'manuel'>; offsetDays: number }[] = [
  { kind: 'rappel', offsetDays: -14 },
  { kind: 'rappel', offsetDays: -3 },
  { kind: 'relance-regionale', offsetDays: 1 },
  { kind: 'relance-regionale', offsetDays: 8 },
];

/** Hour of the day (UTC) reminders are sent: 8 or 9 a.m. in Paris. */
export const REMINDER_HOUR_UTC = 7;

export interface PlannedReminder {
  kind: Exclude<ReminderKind, 'manuel'>;
  /** The day it is sent. */
  day: string;
  runAt: Date;
  /** Unique job key: the same campaign and day never produce two jobs. */
  key: string;
}

/**
 * The reminders of a campaign. A reminder that would fall before the opening day is moved to the
 * opening day when it is a reminder before closing (short campaigns still get one), dropped when
 * another reminder already falls that day.
 */
export function reminderSchedule(
  campaignId: string,
  c: Pick<CampaignCalendar, 'ouverture' | 'cloture'>,
): PlannedReminder[] {
  const planned: PlannedReminder[] = [];
  const seen = new Set<string>();
  for (const step of REMINDER_PLAN) {
    let day = addDays(c.cloture, step.offsetDays);
    if (day < c.ouverture) day = c.ouverture;
    const key = `campagne:${campaignId}:${step.kind}:${day}`;
    if (seen.has(key)) continue;
    seen.add(key);
    planned.push({
      kind: step.kind,
      day,
      runAt: new Date(dayStart(day).getTime() + REMINDER_HOUR_UTC * 3_600_000),
      key,
    });
  }
  return planned;
}

/** A territory is reminded while it has not signed off (including after being sent back). */
export const needsReminder = (ti: { signedOffAt: Date | null }): boolean => !ti.signedOffAt;

export interface ReminderMailInput {
  campagne: Pick<CampaignCalendar, 'nom' | 'cloture'>;
  territoire: { nom: string };
  restantes: number;
  lien: string;
}

export function territoryReminderMail(kind: 'rappel' | 'manuel', input: ReminderMailInput, today: string) {
  const { campagne, territoire, restantes, lien } = input;
  const late = today > campagne.cloture;
  const subject = late
    ? `[Territoires d'industrie] ${campagne.nom} : la date de clôture est passée, ${territoire.nom} n'a pas signé`
    : `[Territoires d'industrie] ${campagne.nom} : mise à jour de ${territoire.nom} attendue avant le ${frenchDate(campagne.cloture)}`;
  const text = [
    'Bonjour,',
    '',
    `La campagne « ${campagne.nom} » de mise à jour des plans d'action ${late ? `devait être signée le ${frenchDate(campagne.cloture)} au plus tard` : `se clôt le ${frenchDate(campagne.cloture)}`}.`,
    `Le territoire « ${territoire.nom} » n'a pas encore signé sa mise à jour${restantes > 0 ? ` : ${restantes} action${restantes > 1 ? 's restent' : ' reste'} à revoir` : ' : toutes les actions sont revues, il ne reste qu’à signer'}.`,
    '',
    `Pour confirmer vos actions, en ajouter et signer : ${lien}`,
    '',
    kind === 'manuel'
      ? "Ce rappel vous est adressé par la Délégation aux Territoires d'industrie."
      : 'Ce message est envoyé automatiquement par Pilote TI.',
  ].join('\n');
  return { subject, text };
}

export interface EscalationMailInput {
  campagne: Pick<CampaignCalendar, 'nom' | 'cloture'>;
  region: { nom: string };
  manquants: { nom: string; restantes: number }[];
  lien: string;
}

export function escalationMail(input: EscalationMailInput) {
  const { campagne, region, manquants, lien } = input;
  const n = manquants.length;
  const subject = `[Territoires d'industrie] ${campagne.nom} : ${n} territoire${n > 1 ? 's' : ''} de ${region.nom} sans signature après la clôture`;
  const text = [
    'Bonjour,',
    '',
    `La date de clôture de la campagne « ${campagne.nom} » (${frenchDate(campagne.cloture)}) est passée.`,
    `${n > 1 ? 'Ces territoires' : 'Ce territoire'} de la région ${region.nom} n'${n > 1 ? 'ont' : 'a'} pas encore signé leur mise à jour :`,
    ...manquants.map(
      (m) =>
        `- ${m.nom}${m.restantes > 0 ? ` (${m.restantes} action${m.restantes > 1 ? 's' : ''} à revoir)` : ' (revue terminée, signature attendue)'}`,
    ),
    '',
    `Tableau de bord régional de la campagne : ${lien}`,
    '',
    'Ce message est envoyé automatiquement par Pilote TI.',
  ].join('\n');
  return { subject, text };
}
