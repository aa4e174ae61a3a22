import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AXE_COUNTS,
  PUBLISHED_AXE_PERCENT,
  STATUT_COUNTS,
  THEMATIQUE_COUNTS,
} from '../../src/domain/actions';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// The action-plan API on the demonstration data: published figures, access rules, editing with
// optimistic locking, history, archive/restore and bulk status changes.

let platform: TestPlatform;
type Who = Awaited<ReturnType<typeof signInAs>>;
let national: Who;
let annecy: Who; // territorial, ti-8405 (Grand Annecy, Auvergne-Rhône-Alpes)
let aura: Who; // regional, 84
let partner: Who;

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo' });
  national = await signInAs(platform.ctx, [{ role: 'national' }], { name: 'Nadia National' });
  annecy = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8405' }], {
    name: 'Théo Territorial',
  });
  aura = await signInAs(platform.ctx, [{ role: 'regional', region: '84' }]);
  partner = await signInAs(platform.ctx, [{ role: 'partner', organisation: 'Bpifrance' }]);
}, 120_000);
afterAll(async () => platform?.close());

const call = async (method: string, url: string, who?: Who, payload?: unknown) => {
  const response = await platform.app.inject({
    method: method as 'GET',
    url,
    headers: who?.headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  const body = response.headers['content-type']?.toString().includes('json')
    ? response.json()
    : response.body;
  return { status: response.statusCode, body };
};
const get = (url: string, who?: Who) => call('GET', url, who);

describe('demonstration plans reproduce the published tables (Nov. 2024)', () => {
  it('counts 2,812 actions with the published axis shares', async () => {
    const { status, body } = await get('/api/v1/stats/actions?groupBy=axe');
    expect(status).toBe(200);
    const total = body.reduce((s: number, r: { count: number }) => s + r.count, 0);
    expect(total).toBe(2812);
    for (const row of body)
      expect(row.count).toBe(AXE_COUNTS.nov2024[row.key as keyof typeof AXE_COUNTS.nov2024]);
    const pct = (key: string) =>
      Math.round((100 * body.find((r: { key: string }) => r.key === key).count) / total);
    expect(pct('competences')).toBe(32);
    expect(pct('foncier')).toBe(18);
    expect(pct('innovation')).toBe(18);
    expect(pct('transition')).toBe(24);
    expect(PUBLISHED_AXE_PERCENT.nov2024).toEqual({
      competences: 32,
      foncier: 18,
      innovation: 18,
      transition: 24,
    });
    expect(body[0]).toEqual({ key: 'competences', label: 'Compétences et attractivité', count: 900 });
  });

  it('counts every thématique as published (an action counts once per thématique)', async () => {
    const { body } = await get('/api/v1/stats/actions?groupBy=thematique');
    const published: Record<string, number> = {
      "Valorisation de l'industrie": 376,
      'Nouvelles formations': 256,
      'RH / Marque employeur': 236,
      'Besoin formation': 181,
      "Aide à l'installation": 148,
      'Transition énergétique': 343,
      'Écologie industrielle et territoriale (EIT)': 320,
      "Gestion de l'eau": 68,
      'Infrastructures numériques': 53,
      'Usages numériques': 75,
      'Tiers lieux': 75,
      "Écosystème d'innovation et recherche": 282,
      'Sites clés en main': 134,
      'Requalification friche': 193,
      'Optimisation / densification foncier': 357,
    };
    expect(Object.fromEntries(body.map((r: { label: string; count: number }) => [r.label, r.count]))).toEqual(
      published,
    );
    expect(body.find((r: { key: string }) => r.key === 'eit').count).toBe(THEMATIQUE_COUNTS.nov2024.eit);
  });

  it('gives the published status shares, « Non renseigné » included', async () => {
    const { body } = await get('/api/v1/stats/actions?groupBy=statut');
    const pct = Object.fromEntries(
      body.map((r: { key: string; count: number }) => [r.key, Math.round((100 * r.count) / 2812)]),
    );
    expect(pct).toEqual({
      'en-cours': 36,
      amont: 20,
      etude: 19,
      realise: 13,
      'non-renseigne': 8,
      'en-pause': 4,
      abandonne: 1,
    });
    expect(body.find((r: { key: string }) => r.key === 'non-renseigne')).toMatchObject({
      label: 'Non renseigné',
      count: STATUT_COUNTS.nov2024['non-renseigne'],
    });
  });

  it('spreads actions over the 18 regions and filters figures by region and territory', async () => {
    const { body } = await get('/api/v1/stats/actions?groupBy=region');
    expect(body).toHaveLength(18);
    expect(body.every((r: { count: number }) => r.count > 0)).toBe(true);
    const aura84 = body.find((r: { key: string }) => r.key === '84');
    expect(aura84.label).toBe('Auvergne-Rhône-Alpes');
    const byAxe84 = (await get('/api/v1/stats/actions?groupBy=axe&region=84')).body;
    expect(byAxe84.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(aura84.count);
    const ti = (await get('/api/v1/stats/actions?groupBy=statut&ti=ti-8405')).body;
    expect(ti.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBeGreaterThan(3);
    const bad = await get('/api/v1/stats/actions?groupBy=couleur');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/groupBy/);
  });
});

describe('reading action plans', () => {
  it('refuses the list to anonymous visitors (401) but publishes the figures', async () => {
    expect((await get('/api/v1/actions')).status).toBe(401);
    expect((await get('/api/v1/stats/actions?groupBy=axe')).status).toBe(200);
  });

  it('pages, filters, sorts and searches in French, flagging demonstration rows', async () => {
    const { status, body } = await get('/api/v1/actions?limit=10&page=2&sort=-budgetPrevisionnel', national);
    expect(status).toBe(200);
    expect(body.total).toBe(2812);
    expect(body.items).toHaveLength(10);
    expect(body.page).toBe(2);
    expect(body.items[0]).not.toHaveProperty('description');
    expect(body.items[0].demo).toBe(true);
    const budgets = body.items.map((i: { budgetPrevisionnel: number }) => i.budgetPrevisionnel);
    expect([...budgets].sort((a, b) => b - a)).toEqual(budgets);

    const nr = await get('/api/v1/actions?statut=non-renseigne&limit=200', national);
    expect(nr.body.total).toBe(222);
    expect(
      nr.body.items.every(
        (i: { statut: null; statutLibelle: string }) =>
          i.statut === null && i.statutLibelle === 'Non renseigné',
      ),
    ).toBe(true);

    const them = await get('/api/v1/actions?thematique=gestion-eau&limit=1', national);
    expect(them.body.total).toBe(68);
    const filtered = await get('/api/v1/actions?region=84&axe=foncier&statut=en-cours', national);
    expect(
      filtered.body.items.every(
        (i: { region: { code: string }; axe: string }) => i.region.code === '84' && i.axe === 'foncier',
      ),
    ).toBe(true);

    // Full text: stemming and accents (« formations » finds « formation », « ecole » finds « école »).
    const search = await get(`/api/v1/actions?q=${encodeURIComponent('formations')}&limit=5`, national);
    expect(search.body.total).toBeGreaterThan(10);
    const accents = await get(`/api/v1/actions?q=${encodeURIComponent('ecologie')}&limit=5`, national);
    expect(accents.body.total).toBeGreaterThan(0);

    const badSort = await get('/api/v1/actions?sort=couleur', national);
    expect(badSort.status).toBe(400);
    expect(badSort.body.message).toMatch(/« sort »/);
    const badStatut = await get('/api/v1/actions?statut=fini', national);
    expect(badStatut.body.message).toMatch(/statut.*fini.*inconnue/);
  });

  it('shows a territorial user its own plan only', async () => {
    const own = await get('/api/v1/actions?limit=200', annecy);
    expect(own.body.total).toBeGreaterThan(3);
    expect(own.body.items.every((i: { territoire: { id: string } }) => i.territoire.id === 'ti-8405')).toBe(
      true,
    );
    expect((await get('/api/v1/actions?ti=ti-8422', annecy)).status).toBe(404);
    const other = (await get('/api/v1/actions?ti=ti-8422&limit=1', national)).body.items[0];
    expect((await get(`/api/v1/actions/${other.id}`, annecy)).status).toBe(404);
    expect((await get(`/api/v1/actions/${other.id}/historique`, annecy)).status).toBe(404);
    expect((await get(`/api/v1/actions/${other.id}`, partner)).status).toBe(200);
  });

  it('shows a regional user its region only, read-only', async () => {
    const list = await get('/api/v1/actions?limit=200', aura);
    expect(list.body.items.every((i: { region: { code: string } }) => i.region.code === '84')).toBe(true);
    const elsewhere = (await get('/api/v1/actions?region=32&limit=1', national)).body.items[0];
    expect((await get(`/api/v1/actions/${elsewhere.id}`, aura)).status).toBe(404);
    expect((await get('/api/v1/actions?ti=ti-3212', aura)).status).toBe(404);
    const mine = list.body.items[0];
    const sheet = await get(`/api/v1/actions/${mine.id}`, aura);
    expect(sheet.status).toBe(200);
    const patch = await call('PATCH', `/api/v1/actions/${mine.id}`, aura, {
      version: sheet.body.version,
      statut: 'realise',
    });
    expect(patch.status).toBe(403);
    expect(patch.body.message).toMatch(/Accès refusé/);
  });

  it('gives the whole sheet and its history, demo history included', async () => {
    const item = (await get('/api/v1/actions?ti=ti-8405&limit=1', annecy)).body.items[0];
    const sheet = await get(`/api/v1/actions/${item.id}`, annecy);
    expect(sheet.body).toMatchObject({
      id: item.id,
      territoire: { id: 'ti-8405', nom: 'Grand Annecy' },
      demo: true,
    });
    expect(typeof sheet.body.description).toBe('string');
    const history = await get(`/api/v1/actions/${item.id}/historique`, annecy);
    expect(history.body.items.at(-1).type).toBe('created');
    expect(history.body.items.at(-1).le < '2024-11-30').toBe(true);
    expect((await get('/api/v1/actions/00000000-0000-4000-8000-000000000000', national)).status).toBe(404);
  });
});

describe('editing action sheets', () => {
  it('creates a sheet in its own territory only, with French validation messages', async () => {
    const created = await call('POST', '/api/v1/actions', annecy, {
      territoire: 'ti-8405',
      intitule: '  Plateforme   mutualisée de recrutement ',
      axe: 'competences',
      thematiques: ['rh-marque-employeur', 'besoin-formation'],
      statut: 'amont',
      budgetPrevisionnel: 120000.5,
      dateDebut: '2025-01-15',
      partenaires: ['France Travail', 'france travail', 'CCI'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      intitule: 'Plateforme mutualisée de recrutement',
      version: 1,
      demo: false,
      partenaires: ['France Travail', 'CCI'],
      thematiques: ['rh-marque-employeur', 'besoin-formation'],
    });
    const elsewhere = await call('POST', '/api/v1/actions', annecy, {
      territoire: 'ti-8422',
      intitule: 'Ailleurs',
    });
    expect(elsewhere.status).toBe(403);
    const invalid = await call('POST', '/api/v1/actions', annecy, {
      territoire: 'ti-8405',
      intitule: 'Dates inversées',
      dateDebut: '2025-06-01',
      dateFin: '2025-01-01',
      statut: 'fini',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.message).toMatch(/Date de fin : la date de fin précède la date de début/);
    expect(invalid.body.message).toMatch(/Statut : statut « fini » inconnu/);
    expect(invalid.body.erreurs.map((e: { champ: string }) => e.champ).sort()).toEqual(['dateFin', 'statut']);
    expect(
      (await call('POST', '/api/v1/actions', undefined, { territoire: 'ti-8405', intitule: 'x' })).status,
    ).toBe(401);
    const audit = await platform.ctx.db.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'actions.create' AND entity_id = $1",
      [created.body.id],
    );
    expect(audit.rows[0]).toEqual({ n: 1 });
  });

  it('refuses a lost update: 409 with what the other person changed, then accepts the merge', async () => {
    const item = (await get('/api/v1/actions?ti=ti-8405&statut=en-cours&limit=1', annecy)).body.items[0];
    const sheet = (await get(`/api/v1/actions/${item.id}`, annecy)).body;
    // Nadia and Théo open the same sheet (same version); Nadia saves first.
    const first = await call('PATCH', `/api/v1/actions/${item.id}`, national, {
      version: sheet.version,
      statut: 'realise',
      financementsObtenus: 50000,
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(sheet.version + 1);
    const second = await call('PATCH', `/api/v1/actions/${item.id}`, annecy, {
      version: sheet.version,
      statut: 'en-pause',
      porteur: 'Mairie',
    });
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/modifiée pendant votre saisie \(par Nadia National\)/);
    expect(second.body.versionActuelle).toBe(sheet.version + 1);
    expect(second.body.modifications).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          champ: 'statut',
          libelle: 'Statut',
          avant: 'en-cours',
          apres: 'realise',
          par: 'Nadia National',
        }),
        expect.objectContaining({ champ: 'financementsObtenus', apres: 50000 }),
      ]),
    );
    // Nothing of Théo's change was written.
    expect((await get(`/api/v1/actions/${item.id}`, annecy)).body).toMatchObject({
      statut: 'realise',
      porteur: sheet.porteur,
    });
    // Théo merges: keeps Nadia's status, sends his owner on the current version.
    const merged = await call('PATCH', `/api/v1/actions/${item.id}`, annecy, {
      version: second.body.versionActuelle,
      porteur: 'Mairie',
    });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({ statut: 'realise', porteur: 'Mairie', financementsObtenus: 50000 });
    const history = (await get(`/api/v1/actions/${item.id}/historique`, annecy)).body.items;
    expect(history[0]).toMatchObject({
      champ: 'porteur',
      apres: 'Mairie',
      par: 'Théo Territorial',
      type: 'updated',
    });
    expect(history.find((h: { champ: string }) => h.champ === 'statut')).toMatchObject({
      avant: 'en-cours',
      apres: 'realise',
      par: 'Nadia National',
    });
  });

  it('archives (nothing is deleted) and restores a sheet', async () => {
    const item = (await get('/api/v1/actions?ti=ti-8405&limit=1&sort=-intitule', annecy)).body.items[0];
    const before = (await get('/api/v1/actions?ti=ti-8405', annecy)).body.total;
    const archived = await call('DELETE', `/api/v1/actions/${item.id}`, annecy);
    expect(archived.status).toBe(200);
    expect(archived.body.archivee).toBe(true);
    expect((await get('/api/v1/actions?ti=ti-8405', annecy)).body.total).toBe(before - 1);
    expect(
      (await get('/api/v1/actions?ti=ti-8405&archivee=oui', annecy)).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(item.id);
    const edit = await call('PATCH', `/api/v1/actions/${item.id}`, annecy, {
      version: archived.body.version,
      statut: 'amont',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.message).toMatch(/archivée/);
    const restored = await call('POST', `/api/v1/actions/${item.id}/restaurer`, annecy);
    expect(restored.body.archivee).toBe(false);
    const history = (await get(`/api/v1/actions/${item.id}/historique`, annecy)).body.items;
    expect(history.slice(0, 2).map((h: { type: string }) => h.type)).toEqual(['restored', 'archived']);
  });

  it('changes the status of many actions in one transaction, all or nothing', async () => {
    const own = (await get('/api/v1/actions?ti=ti-8405&limit=3&statut=amont', annecy)).body.items;
    const other = (await get('/api/v1/actions?ti=ti-8422&limit=1', national)).body.items[0];
    const ids = own.map((i: { id: string }) => i.id);
    const refused = await call('POST', '/api/v1/actions/lot', annecy, {
      ids: [...ids, other.id],
      statut: 'etude',
    });
    expect(refused.status).toBe(404);
    for (const id of ids) expect((await get(`/api/v1/actions/${id}`, annecy)).body.statut).toBe('amont');
    const done = await call('POST', '/api/v1/actions/lot', annecy, { ids, statut: 'etude' });
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ modifiees: ids.length, inchangees: 0 });
    for (const id of ids) {
      const sheet = (await get(`/api/v1/actions/${id}`, annecy)).body;
      expect(sheet.statut).toBe('etude');
      expect((await get(`/api/v1/actions/${id}/historique`, annecy)).body.items[0]).toMatchObject({
        champ: 'statut',
        avant: 'amont',
        apres: 'etude',
      });
    }
    const clear = await call('POST', '/api/v1/actions/lot', national, {
      ids: [ids[0]],
      statut: 'non-renseigne',
    });
    expect(clear.body.modifiees).toBe(1);
    expect((await get(`/api/v1/actions/${ids[0]}`, annecy)).body.statutLibelle).toBe('Non renseigné');
    const bad = await call('POST', '/api/v1/actions/lot', national, { ids, statut: 'fini' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/Statut « fini » inconnu/);
  });

  it('makes figures follow writes at once (revision-keyed cache)', async () => {
    const count = async () =>
      (await get('/api/v1/stats/actions?groupBy=statut&ti=ti-8405')).body.find(
        (r: { key: string }) => r.key === 'abandonne',
      ).count;
    const before = await count();
    const item = (await get('/api/v1/actions?ti=ti-8405&statut=en-cours&limit=1', annecy)).body.items[0];
    await call('PATCH', `/api/v1/actions/${item.id}`, annecy, { version: item.version, statut: 'abandonne' });
    expect(await count()).toBe(before + 1);
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await get('/api/v1/openapi.json')).body;
    for (const path of [
      '/api/v1/actions',
      '/api/v1/actions/{id}',
      '/api/v1/actions/{id}/historique',
      '/api/v1/actions/{id}/restaurer',
      '/api/v1/actions/lot',
      '/api/v1/actions/import',
      '/api/v1/actions/export.csv',
      '/api/v1/actions/export.xlsx',
      '/api/v1/stats/actions',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
