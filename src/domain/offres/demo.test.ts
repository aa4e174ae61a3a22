import { describe, expect, it } from 'vitest';
import { validateCatalogue } from './catalogue';
import { DEMO_TASK_FORCE_REGION, type DemoActionRef, generateDemoSollicitations } from './demo';
import { summarize } from './sollicitations';

const offers = (() => {
  const result = validateCatalogue([
    {
      fileName: 'offres/essai.yaml',
      data: {
        slug: 'essai',
        titre: 'Offre d’essai',
        operateur: 'bpifrance',
        nature: ['pret'],
        resume: 'Résumé.',
        description: 'Description.',
        beneficiaires: 'Entreprises.',
        pour: ['entreprise'],
        montants: 'Selon le projet.',
        conditions: 'Aucune.',
        candidater: 'En ligne.',
        statut: 'ouverte',
        regles: { axes: ['competences', 'foncier', 'innovation', 'transition'] },
        source: { publication: 'Essai' },
        mise_a_jour: '2024-11-30',
      },
    },
  ]);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.offers;
})();

const actions: DemoActionRef[] = Array.from({ length: 300 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  territoire: `ti-${i % 3 === 0 ? '93' : i % 3 === 1 ? '84' : '44'}${String(i % 10).padStart(2, '0')}`,
  region: i % 3 === 0 ? '93' : i % 3 === 1 ? '84' : '44',
  titre: `Action ${i}`,
  axe: (['competences', 'foncier', 'innovation', 'transition'] as const)[i % 4]!,
  thematiques: [],
  statut: i % 7 === 0 ? 'abandonne' : 'en-cours',
}));

describe('demonstration requests', () => {
  it('gives the PACA task force 140 requests, 80 % favourable, all on PACA actions', () => {
    const { sollicitations } = generateDemoSollicitations(actions, offers);
    const paca = sollicitations.filter((s) => s.viaCellule);
    expect(paca).toHaveLength(140);
    expect(paca.every((s) => s.region === DEMO_TASK_FORCE_REGION && s.organisation !== null)).toBe(true);
    const figures = summarize(
      paca.map((s) => ({
        statut: s.statut,
        createdAt: new Date(s.createdAt),
        decidedAt: s.decidedAt ? new Date(s.decidedAt) : null,
        echeance: s.echeance,
      })),
      '2024-12-31',
    );
    expect(figures.partFavorable).toBe(80);
    expect(figures.delaiMedianJours).toBeGreaterThan(2);
    expect(figures.delaiMedianJours).toBeLessThan(30);
  });

  it('adds direct requests in other regions and uptake records; same input, same output', () => {
    const a = generateDemoSollicitations(actions, offers);
    const b = generateDemoSollicitations(actions, offers);
    expect(a).toEqual(b);
    const others = a.sollicitations.filter((s) => !s.viaCellule);
    expect(new Set(others.map((s) => s.region))).toEqual(new Set(['84', '44']));
    expect(a.usages.some((u) => u.resultat === 'obtenue')).toBe(true);
    expect(a.usages.some((u) => u.resultat === 'demandee')).toBe(true);
    // Never on abandoned actions; threads start with the territory's message, in date order.
    const abandoned = new Set(actions.filter((x) => x.statut === 'abandonne').map((x) => x.id));
    expect(a.sollicitations.some((s) => abandoned.has(s.actionId))).toBe(false);
    for (const s of a.sollicitations) {
      expect(s.messages[0]!.side).toBe('territoire');
      const times = s.messages.map((m) => m.at);
      expect([...times].sort()).toEqual(times);
    }
  });
});
