import { describe, expect, it } from 'vitest';
import { escalationMail, reminderSchedule, territoryReminderMail } from './reminders';

describe('reminder schedule', () => {
  it('reminds 14 and 3 days before closing, escalates 1 and 8 days after, at 07:00 UTC', () => {
    const plan = reminderSchedule('c1', { ouverture: '2025-05-05', cloture: '2025-06-13' });
    expect(plan.map((p) => [p.kind, p.day, p.runAt.toISOString()])).toEqual([
      ['rappel', '2025-05-30', '2025-05-30T07:00:00.000Z'],
      ['rappel', '2025-06-10', '2025-06-10T07:00:00.000Z'],
      ['relance-regionale', '2025-06-14', '2025-06-14T07:00:00.000Z'],
      ['relance-regionale', '2025-06-21', '2025-06-21T07:00:00.000Z'],
    ]);
    expect(plan[0]!.key).toBe('campagne:c1:rappel:2025-05-30');
  });

  it('moves early reminders of a short campaign to the opening day, once', () => {
    const plan = reminderSchedule('c2', { ouverture: '2025-06-12', cloture: '2025-06-13' });
    expect(plan.map((p) => [p.kind, p.day])).toEqual([
      ['rappel', '2025-06-12'],
      ['relance-regionale', '2025-06-14'],
      ['relance-regionale', '2025-06-21'],
    ]);
  });
});

describe('reminder emails', () => {
  const campagne = { nom: 'Campagne de mai 2025', cloture: '2025-06-13' };
  it('tells the territory what remains and where to go', () => {
    const mail = territoryReminderMail(
      'rappel',
      { campagne, territoire: { nom: 'Oyonnax' }, restantes: 3, lien: 'http://x/campagnes/1' },
      '2025-05-30',
    );
    expect(mail.subject).toBe(
      "[Territoires d'industrie] Campagne de mai 2025 : mise à jour de Oyonnax attendue avant le 13 juin 2025",
    );
    expect(mail.text).toContain('3 actions restent à revoir');
    expect(mail.text).toContain('http://x/campagnes/1');
    const late = territoryReminderMail(
      'manuel',
      { campagne, territoire: { nom: 'Oyonnax' }, restantes: 0, lien: 'l' },
      '2025-06-20',
    );
    expect(late.subject).toMatch(/la date de clôture est passée/);
    expect(late.text).toMatch(/il ne reste qu’à signer/);
  });
  it('lists the missing territories to the region', () => {
    const mail = escalationMail({
      campagne,
      region: { nom: 'Auvergne-Rhône-Alpes' },
      manquants: [
        { nom: 'Oyonnax', restantes: 2 },
        { nom: 'Arve', restantes: 0 },
      ],
      lien: 'l',
    });
    expect(mail.subject).toBe(
      "[Territoires d'industrie] Campagne de mai 2025 : 2 territoires de Auvergne-Rhône-Alpes sans signature après la clôture",
    );
    expect(mail.text).toContain('- Oyonnax (2 actions à revoir)');
    expect(mail.text).toContain('- Arve (revue terminée, signature attendue)');
  });
});
