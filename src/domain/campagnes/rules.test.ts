import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CampaignCalendar,
  campaignPhase,
  cannotAct,
  cannotClose,
  cannotReview,
  cannotSendBack,
  cannotSignOff,
  cannotValidate,
  frenchDate,
  type TerritoryCampaignState,
  validateCampaignInput,
} from './rules';

const campaign: CampaignCalendar = {
  nom: 'Campagne de mai 2025',
  ouverture: '2025-05-05',
  cloture: '2025-06-13',
  closedAt: null,
};
const at = (iso: string) => new Date(iso);
const ti = (over: Partial<TerritoryCampaignState> = {}): TerritoryCampaignState => ({
  territoire: 'ti-8405',
  nom: 'Oyonnax',
  signedOffAt: null,
  sentBackAt: null,
  sentBackComment: null,
  regionValidatedAt: null,
  ...over,
});

describe('campaign calendar', () => {
  it('formats French dates and adds days', () => {
    expect(frenchDate('2025-05-01')).toBe('1er mai 2025');
    expect(frenchDate('2024-11-30')).toBe('30 novembre 2024');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('is to come, open, late, closed', () => {
    expect(campaignPhase(campaign, at('2025-05-04T23:59:59Z'))).toBe('a-venir');
    expect(campaignPhase(campaign, at('2025-05-05T00:00:00Z'))).toBe('ouverte');
    expect(campaignPhase(campaign, at('2025-06-13T23:00:00Z'))).toBe('ouverte');
    expect(campaignPhase(campaign, at('2025-06-14T00:00:00Z'))).toBe('en-retard');
    expect(
      campaignPhase({ ...campaign, closedAt: at('2025-06-20T10:00:00Z') }, at('2025-06-21T00:00:00Z')),
    ).toBe('close');
  });
});

describe('validateCampaignInput', () => {
  const known = new Set(['ti-8405', 'ti-8422']);
  it('accepts a valid campaign, all territories by default', () => {
    const r = validateCampaignInput(
      { nom: '  Campagne   de mai 2025 ', ouverture: '2025-05-05', cloture: '2025-06-13' },
      known,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        nom: 'Campagne de mai 2025',
        ouverture: '2025-05-05',
        cloture: '2025-06-13',
        territoires: null,
      },
    });
  });
  it('refuses a closing date before the opening, with both dates in French', () => {
    const r = validateCampaignInput({ nom: 'X', ouverture: '2025-06-13', cloture: '2025-05-05' }, known);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      "Champ « cloture » : la date de clôture (5 mai 2025) doit être postérieure à la date d'ouverture (13 juin 2025).",
    ]);
  });
  it('refuses same-day closing, impossible dates, a missing name and unknown territories at once', () => {
    const r = validateCampaignInput(
      { nom: ' ', ouverture: '2025-02-30', cloture: '2025-05-05', territoires: ['ti-8405', 'ti-0000'] },
      known,
    );
    expect(!r.ok && r.errors).toEqual([
      'Champ « nom » : le nom de la campagne est obligatoire.',
      'Champ « ouverture » : date invalide « 2025-02-30 » ; attendu AAAA-MM-JJ.',
      'Champ « territoires » : territoire inconnu : « ti-0000 ».',
    ]);
    const same = validateCampaignInput({ nom: 'X', ouverture: '2025-05-05', cloture: '2025-05-05' }, known);
    expect(same.ok).toBe(false);
  });
  it('deduplicates and sorts the territories', () => {
    const r = validateCampaignInput(
      {
        nom: 'X',
        ouverture: '2025-05-05',
        cloture: '2025-06-05',
        territoires: ['ti-8422', 'ti-8405', 'ti-8422'],
      },
      known,
    );
    expect(r.ok && r.value.territoires).toEqual(['ti-8405', 'ti-8422']);
  });
});

describe('acting in a campaign', () => {
  const open = at('2025-05-20T09:00:00Z');
  it('refuses before opening and after closing', () => {
    expect(cannotAct(campaign, at('2025-05-01T09:00:00Z'))).toBe(
      "La campagne « Campagne de mai 2025 » n'est pas encore ouverte : elle ouvre le 5 mai 2025.",
    );
    expect(cannotAct({ ...campaign, closedAt: at('2025-06-20T10:00:00Z') }, at('2025-06-21T00:00:00Z'))).toBe(
      'La campagne « Campagne de mai 2025 » est close depuis le 20 juin 2025 : ses chiffres sont figés.',
    );
    // Past the closing date but not closed: territories may still catch up.
    expect(cannotAct(campaign, at('2025-06-18T09:00:00Z'))).toBeNull();
  });
  it('signs off once; no review after sign-off', () => {
    expect(cannotSignOff(campaign, ti(), open)).toBeNull();
    const signed = ti({ signedOffAt: at('2025-05-19T10:00:00Z') });
    expect(cannotSignOff(campaign, signed, open)).toBe(
      'La mise à jour du territoire « Oyonnax » a déjà été signée le 19 mai 2025.',
    );
    expect(cannotReview(campaign, signed, open)).toMatch(/a déjà signé sa mise à jour le 19 mai 2025/);
    expect(cannotReview(campaign, ti(), open)).toBeNull();
    expect(cannotSignOff(campaign, ti(), open, 2)).toBe(
      'Signature impossible : 2 actions restent à revoir dans le territoire « Oyonnax ». Confirmez-les ou mettez-les à jour avant de signer.',
    );
  });
  it('validates a region once, only when every territory signed off', () => {
    const region = {
      region: '84',
      nom: 'Auvergne-Rhône-Alpes',
      validatedAt: null,
      territories: [ti({ signedOffAt: open }), ti({ territoire: 'ti-8422', nom: "Vallée de l'Arve" })],
    };
    expect(cannotValidate(campaign, region, open)).toBe(
      "Validation impossible : 1 territoire de la région n'a pas signé leur mise à jour (Vallée de l'Arve).",
    );
    const all = { ...region, territories: region.territories.map((t) => ({ ...t, signedOffAt: open })) };
    expect(cannotValidate(campaign, all, open)).toBeNull();
    expect(cannotValidate(campaign, { ...all, validatedAt: open }, open)).toBe(
      'La région « Auvergne-Rhône-Alpes » a déjà été validée le 20 mai 2025.',
    );
  });
  it('sends back only a signed-off territory, with a comment, before validation', () => {
    expect(cannotSendBack(campaign, ti({ signedOffAt: open }), '  ', open)).toMatch(/Champ « commentaire »/);
    expect(cannotSendBack(campaign, ti(), 'Revoir les statuts', open)).toMatch(/n'a pas encore signé/);
    expect(
      cannotSendBack(campaign, ti({ signedOffAt: open, regionValidatedAt: open }), 'Revoir', open),
    ).toMatch(/déjà validée/);
    expect(cannotSendBack(campaign, ti({ signedOffAt: open }), 'Revoir les statuts', open)).toBeNull();
  });
  it('closes once, after opening', () => {
    expect(cannotClose(campaign, at('2025-05-01T00:00:00Z'))).toMatch(/pas encore ouverte/);
    expect(cannotClose(campaign, open)).toBeNull();
    expect(cannotClose({ ...campaign, closedAt: open }, open)).toBe(
      'La campagne « Campagne de mai 2025 » est déjà close (le 20 mai 2025).',
    );
  });
});
