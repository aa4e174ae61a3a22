import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTION_COUNTS,
  AXE_COUNTS,
  NEW_2024_STATUTS,
  STATUT_COUNTS,
  type StatutReportedCode,
  THEMATIQUE_COUNTS,
  TRANSITIONS,
} from '../../src/domain/actions';
import { aggregateComparison, assembleComparison, type SnapshotRow } from '../../src/domain/campagnes';
import { ManualClock } from '../../src/server/platform/jobs';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// Campaigns on the demonstration data: the two published campaigns as closed snapshots, the whole
// cycle open → review → sign-off → validate → close, immutability of the snapshot, bad input.

let platform: TestPlatform;
const clock = new ManualClock(new Date());
type Who = Awaited<ReturnType<typeof signInAs>>;
let national: Who;
let chef8405: Who;
let chef8422: Who;
let region84: Who;
let region11: Who;

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo', clock });
  national = await signInAs(platform.ctx, [{ role: 'national' }]);
  chef8405 = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8405' }], {
    email: 'chef.8405@example.fr',
  });
  chef8422 = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8422' }]);
  region84 = await signInAs(platform.ctx, [{ role: 'regional', region: '84' }]);
  region11 = await signInAs(platform.ctx, [{ role: 'regional', region: '11' }]);
});
afterAll(async () => platform?.close());

const call = async (method: string, url: string, who?: Who, payload?: unknown) => {
  const response = await platform.app.inject({
    method: method as 'GET',
    url,
    headers: who?.headers,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
};

const byKey = (rows: { key: string; count: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, r.count]));
let nov2023: string;
let nov2024: string;

describe('demonstration campaigns', () => {
  it('lists the two published campaigns as closed and one in progress', async () => {
    const { status, body } = await call('GET', '/api/v1/campagnes', national);
    expect(status).toBe(200);
    const names = body.items.map((c: { nom: string }) => c.nom);
    expect(names).toContain('Campagne de novembre 2023');
    expect(names).toContain('Campagne de novembre 2024');
    const find = (nom: string) => body.items.find((c: { nom: string }) => c.nom === nom);
    nov2023 = find('Campagne de novembre 2023').id;
    nov2024 = find('Campagne de novembre 2024').id;
    expect(find('Campagne de novembre 2023')).toMatchObject({
      etat: 'close',
      nbActions: 2429,
      nbTerritoires: 183,
      demo: true,
    });
    expect(find('Campagne de novembre 2024')).toMatchObject({
      etat: 'close',
      nbActions: 2812,
      nbRegions: 18,
    });
    expect(body.items.filter((c: { etat: string }) => c.etat !== 'close')).toHaveLength(1);
    expect((await call('GET', '/api/v1/campagnes')).status).toBe(200);
    expect((await call('GET', `/api/v1/campagnes/${nov2023}/avancement`)).status).toBe(401);
  });

  it('reproduces the published tables from the frozen snapshots', async () => {
    for (const [id, campaign] of [
      [nov2023, 'nov2023'],
      [nov2024, 'nov2024'],
    ] as const) {
      const axes = await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=axe`);
      expect(axes.status).toBe(200);
      expect(byKey(axes.body)).toEqual(AXE_COUNTS[campaign]);
      expect(axes.body[0]).toEqual({
        key: 'competences',
        label: 'Compétences et attractivité',
        count: AXE_COUNTS[campaign].competences,
      });
      const total = axes.body.reduce((s: number, r: { count: number }) => s + r.count, 0);
      expect(total).toBe(ACTION_COUNTS[campaign]);
      expect(byKey((await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=thematique`)).body)).toEqual(
        THEMATIQUE_COUNTS[campaign],
      );
      expect(byKey((await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=statut`)).body)).toEqual(
        STATUT_COUNTS[campaign],
      );
      const regions = (await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=region`)).body;
      expect(regions).toHaveLength(18);
      expect(regions.reduce((s: number, r: { count: number }) => s + r.count, 0)).toBe(
        ACTION_COUNTS[campaign],
      );
    }
    // Published shares of Nov. 2024: Compétences 32 %, Foncier 18 %, Innovation 18 %, Transition 24 %.
    const axes = byKey((await call('GET', `/api/v1/campagnes/${nov2024}/stats?groupBy=axe`)).body);
    expect(Math.round((axes.competences! / 2812) * 100)).toBe(32);
    expect(Math.round((axes.transition! / 2812) * 100)).toBe(24);
  });

  it('compares Nov. 2023 and Nov. 2024: side by side, new actions, transition matrix', async () => {
    const { status, body } = await call('GET', `/api/v1/campagnes/comparaison?de=${nov2023}&a=${nov2024}`);
    expect(status).toBe(200);
    expect(body.totaux).toEqual({ de: 2429, a: 2812, ecart: 383 });
    expect(body.nouvelles).toBe(383);
    expect(body.disparues).toBe(0);
    const them = Object.fromEntries(
      body.parThematique.map((r: { key: string; de: number; a: number }) => [r.key, [r.de, r.a]]),
    );
    expect(them['valorisation-industrie']).toEqual([288, 376]);
    expect(them['infrastructures-numeriques']).toEqual([53, 53]);
    // The matrix is exactly the demo plans' transitions (targets.ts), new actions apart.
    const codes: StatutReportedCode[] = body.transitions.statuts.map(
      (s: { code: StatutReportedCode }) => s.code,
    );
    const expected = codes.map((from) => codes.map((to) => TRANSITIONS[from][to] ?? 0));
    expect(body.transitions.cells).toEqual(expected);
    expect(Object.fromEntries(codes.map((c, i) => [c, body.transitions.nouvelles[i]]))).toEqual(
      NEW_2024_STATUTS,
    );
    // Réalisées: existing actions that became réalisé (10+35+210+3+2) and new ones réalisé (5).
    expect(body.realisees).toBe(10 + 35 + 210 + 3 + 2 + 5);
    expect(body.abandonnees).toBe(2);
    expect(body.inchangees).toBe(367 + 250 + 424 + 45 + 97 + 24 + 150);

    const t = await call('GET', `/api/v1/campagnes/comparaison/transitions?de=${nov2023}&a=${nov2024}`);
    expect(t.body.cells).toEqual(body.transitions.cells);

    // A region: the SQL figures agree with the reference implementation on the raw snapshot rows.
    const regional = (await call('GET', `/api/v1/campagnes/comparaison?de=${nov2023}&a=${nov2024}&region=84`))
      .body;
    const rows = async (id: string) =>
      (
        await platform.ctx.db.query<SnapshotRow>(
          `SELECT action_id AS action, territoire_id AS territoire, region_code AS region, axe, thematiques, statut
             FROM campagne_snapshots WHERE campagne_id = $1 AND region_code = '84'`,
          [id],
        )
      ).rows;
    const reference = assembleComparison(
      aggregateComparison(await rows(nov2023), await rows(nov2024)),
      new Map([['84', 'Auvergne-Rhône-Alpes']]),
    );
    expect(regional.transitions).toEqual(reference.transitions);
    expect(regional.parStatut).toEqual(reference.parStatut);
    expect(regional.parThematique).toEqual(reference.parThematique);
    expect(regional.totaux).toEqual(reference.totaux);
  });

  it('lists actions stuck in « amont » or « en pause » for two campaigns, by territory, within one’s scope', async () => {
    const { status, body } = await call('GET', `/api/v1/campagnes/${nov2024}/bloquees`, national);
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 367 + 45, amont: 367, enPause: 45 });
    expect(body.campagnes.map((c: { nom: string }) => c.nom)).toEqual([
      'Campagne de novembre 2023',
      'Campagne de novembre 2024',
    ]);
    const regional = (await call('GET', `/api/v1/campagnes/${nov2024}/bloquees`, region84)).body;
    expect(regional.territoires.every((t: { region: { code: string } }) => t.region.code === '84')).toBe(
      true,
    );
    expect(regional.total).toBeLessThan(body.total);
    expect((await call('GET', `/api/v1/campagnes/${nov2024}/bloquees?region=11`, region84)).status).toBe(403);
    const own = (await call('GET', `/api/v1/campagnes/${nov2024}/bloquees`, chef8405)).body;
    expect(own.territoires.every((t: { territoire: string }) => t.territoire === 'ti-8405')).toBe(true);
  });

  it('answers 404 and 400 in French', async () => {
    const unknown = await call(
      'GET',
      '/api/v1/campagnes/00000000-0000-4000-8000-000000000000/stats?groupBy=axe',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/Campagne introuvable/);
    const bad = await call('GET', `/api/v1/campagnes/${nov2024}/stats?groupBy=couleur`);
    expect(bad.status).toBe(400);
    const same = await call('GET', `/api/v1/campagnes/comparaison?de=${nov2024}&a=${nov2024}`);
    expect(same.status).toBe(400);
    expect(same.body.message).toMatch(/deux campagnes différentes/);
  });
});

describe('a campaign from opening to closing', () => {
  let id: string;
  const actionsOf = async (ti: string) =>
    (
      await platform.ctx.db.query<{ id: string }>(
        'SELECT id FROM actions WHERE territoire_id = $1 AND archived_at IS NULL ORDER BY id',
        [ti],
      )
    ).rows.map((r) => r.id);

  it('refuses to open a campaign with bad input or by someone not national, with no change', async () => {
    const count = async () =>
      (await platform.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM campagnes')).rows[0]!.n;
    const before = await count();
    const backwards = await call('POST', '/api/v1/campagnes', national, {
      nom: 'Campagne test',
      ouverture: '2030-06-13',
      cloture: '2030-05-05',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toBe(
      "Champ « cloture » : la date de clôture (5 mai 2030) doit être postérieure à la date d'ouverture (13 juin 2030).",
    );
    const unknownTi = await call('POST', '/api/v1/campagnes', national, {
      nom: 'X',
      ouverture: '2030-05-05',
      cloture: '2030-06-13',
      territoires: ['ti-9999'],
    });
    expect(unknownTi.body.message).toMatch(/territoire inconnu : « ti-9999 »/);
    expect(
      (
        await call('POST', '/api/v1/campagnes', chef8405, {
          nom: 'X',
          ouverture: '2030-05-05',
          cloture: '2030-06-13',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/api/v1/campagnes', undefined, {
          nom: 'X',
          ouverture: '2030-05-05',
          cloture: '2030-06-13',
        })
      ).status,
    ).toBe(401);
    // The demo campaign in progress is still open.
    const running = await call('POST', '/api/v1/campagnes', national, {
      nom: 'X',
      ouverture: '2030-05-05',
      cloture: '2030-06-13',
    });
    expect(running.status).toBe(409);
    expect(running.body.message).toMatch(/Une campagne est déjà en cours/);
    expect(await count()).toBe(before);
  });

  it('closes the demo campaign in progress into a snapshot of every live action', async () => {
    const list = (await call('GET', '/api/v1/campagnes', national)).body.items;
    const open = list.find((c: { etat: string }) => c.etat !== 'close');
    const progress = (await call('GET', `/api/v1/campagnes/${open.id}/avancement`, national)).body;
    expect(progress.national.territoires).toBe(183);
    expect(progress.national.actionsRevues).toBeGreaterThan(0);
    expect(progress.national.actionsRevues).toBeLessThan(progress.national.actions);
    expect(progress.national.regionsValidees).toBeGreaterThanOrEqual(1);
    expect((await call('POST', `/api/v1/campagnes/${open.id}/cloture`, region84)).status).toBe(403);
    const closed = await call('POST', `/api/v1/campagnes/${open.id}/cloture`, national);
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ etat: 'close', nbActions: 2812 });
    const again = await call('POST', `/api/v1/campagnes/${open.id}/cloture`, national);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/est déjà close/);
    // The frozen progress is the one of the closing time.
    const frozen = (await call('GET', `/api/v1/campagnes/${open.id}/avancement`, national)).body;
    expect(frozen.national.actionsRevues).toBe(progress.national.actionsRevues);
  });

  it('opens a campaign for two territories of Auvergne-Rhône-Alpes', async () => {
    const today = clock.now().toISOString().slice(0, 10);
    const later = new Date(clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const opened = await call('POST', '/api/v1/campagnes', national, {
      nom: 'Campagne de test',
      ouverture: today,
      cloture: later,
      territoires: ['ti-8422', 'ti-8405'],
    });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      etat: 'ouverte',
      nbTerritoires: 2,
      nbRegions: 1,
      tousTerritoires: false,
    });
    id = opened.body.id;
    // Re-dating: a closing date before the opening is refused with no change; a valid one replans the reminders.
    const backwards = await call('PATCH', `/api/v1/campagnes/${id}`, national, { cloture: '2000-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toMatch(/doit être postérieure à la date d'ouverture/);
    expect((await call('GET', `/api/v1/campagnes/${id}`, national)).body.cloture).toBe(later);
    const later2 = new Date(clock.now().getTime() + 40 * 86_400_000).toISOString().slice(0, 10);
    const redated = await call('PATCH', `/api/v1/campagnes/${id}`, national, { cloture: later2 });
    expect(redated.body.cloture).toBe(later2);
    const planned = (await call('GET', `/api/v1/campagnes/${id}/rappels`, national)).body.planifies;
    expect(planned.filter((p: { etat: string }) => p.etat === 'pending')).toHaveLength(4);
    expect(planned.filter((p: { etat: string }) => p.etat === 'cancelled')).toHaveLength(4);
    expect((await call('PATCH', `/api/v1/campagnes/${id}`, region84, { nom: 'X' })).status).toBe(403);
    // A territory outside the campaign.
    const outside = await call('GET', `/api/v1/campagnes/${id}/territoires/ti-1101`, national);
    expect(outside.status).toBe(404);
    expect(outside.body.message).toMatch(/ne participe pas à la campagne « Campagne de test »/);
  });

  it('refuses a coordinator of another region on a territory of Auvergne-Rhône-Alpes (403, in French)', async () => {
    const auditBefore = await platform.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'campagne' AND entity_id = $1",
      [id],
    );
    // Île-de-France's coordinator may neither send back a territory of region 84 nor validate region 84.
    const back = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/renvoi`, region11, {
      commentaire: 'Renvoi tenté depuis une autre région.',
    });
    expect(back.status).toBe(403);
    expect(back.body.message).toMatch(
      /^Accès refusé : seule la coordination régionale de « Auvergne-Rhône-Alpes » \(ou l'équipe nationale\) peut renvoyer la mise à jour du territoire « .+ »\.$/,
    );
    const validation = await call('POST', `/api/v1/campagnes/${id}/regions/84/validation`, region11);
    expect(validation.status).toBe(403);
    expect(validation.body.message).toBe(
      "Accès refusé : seule la coordination régionale de « Auvergne-Rhône-Alpes » (ou l'équipe nationale) peut valider la campagne de cette région.",
    );
    // Naming only the territory gives no way round: it is judged with its own region.
    const stuck = await call('GET', `/api/v1/campagnes/${nov2024}/bloquees?territoire=ti-8405`, region11);
    expect(stuck.status).toBe(403);
    expect(stuck.body.message).toMatch(
      /^Accès refusé : le territoire « .+ » n'est pas dans votre périmètre\.$/,
    );
    const unknown = await call('GET', `/api/v1/campagnes/${nov2024}/bloquees?territoire=ti-0000`, region11);
    expect(unknown.status).toBe(403);
    expect(unknown.body.message).toBe(
      "Accès refusé : le territoire « ti-0000 » n'est pas dans votre périmètre.",
    );
    expect(
      (await call('GET', `/api/v1/campagnes/${nov2024}/bloquees?territoire=ti-8405`, region84)).status,
    ).toBe(200);
    // The territory's page stays hidden from the other region; the own region sees it but may not sign.
    expect((await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8405`, region11)).status).toBe(404);
    const page = await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8405`, region84);
    expect(page.body).toMatchObject({ peutReviser: false, peutValider: true });
    const signoff = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/signature`, region84);
    expect(signoff.status).toBe(403);
    expect(signoff.body.message).toBe('Accès refusé : votre rôle ne permet pas cette opération.');
    // Another territory's team passes the route's check, then is refused on the territory itself.
    const neighbour = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/signature`, chef8422);
    expect(neighbour.status).toBe(403);
    expect(neighbour.body.message).toMatch(
      /^Accès refusé : seule l'équipe du territoire « .+ » \(ou l'équipe nationale\) peut revoir et signer sa mise à jour\.$/,
    );
    // Nothing was written.
    const auditAfter = await platform.ctx.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity = 'campagne' AND entity_id = $1",
      [id],
    );
    expect(auditAfter.rows[0]!.n).toBe(auditBefore.rows[0]!.n);
    expect((await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8405`, chef8405)).body.statut).toBe(
      'a-faire',
    );
  });

  it('lets the chef de projet review, then sign off once', async () => {
    const ids = await actionsOf('ti-8405');
    expect(ids.length).toBeGreaterThan(2);
    const page = await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8405`, chef8405);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({
      actions: ids.length,
      revues: 0,
      statut: 'a-faire',
      peutReviser: true,
      peutValider: false,
    });
    // Another territory's team may neither see nor act.
    expect((await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8405`, chef8422)).status).toBe(404);
    expect(
      (
        await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/revues`, chef8422, {
          actions: [ids[0]],
        })
      ).status,
    ).toBe(403);
    // An action of another territory is refused, nothing recorded.
    const [foreign] = await actionsOf('ti-8422');
    const wrong = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/revues`, chef8405, {
      actions: [ids[0], foreign],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toMatch(/Action introuvable dans le territoire/);
    expect((await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8405`, chef8405)).body.revues).toBe(0);

    const first = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/revues`, chef8405, {
      actions: ids.slice(1),
    });
    expect(first.body).toEqual({ confirmees: ids.length - 1, dejaRevues: 0 });
    const early = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/signature`, chef8405);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/^Signature impossible : 1 action reste à revoir/);
    await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/revues`, chef8405, { actions: [ids[0]] });
    const signed = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/signature`, chef8405);
    expect(signed.status).toBe(200);
    const twice = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/signature`, chef8405);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/a déjà été signée le/);
    const late = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/revues`, chef8405, {
      actions: [ids[0]],
    });
    expect(late.status).toBe(409);
    // Freshness moved: the confirmed actions were reviewed today.
    const progress = (await call('GET', `/api/v1/campagnes/${id}/avancement?territoire=ti-8405`, chef8405))
      .body;
    expect(progress.territoires).toHaveLength(1);
    expect(progress.territoires[0]).toMatchObject({ statut: 'signe', revues: ids.length, partRevue: 1 });
    expect(progress.territoires[0].fraicheur['a-jour']).toBe(ids.length);
  });

  it('lets only the region’s coordinator validate, after every territory signed, or send one back', async () => {
    const early = await call('POST', `/api/v1/campagnes/${id}/regions/84/validation`, region84);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/1 territoire de la région n'a pas signé.*Vallée de l'Arve/);
    expect((await call('POST', `/api/v1/campagnes/${id}/regions/84/validation`, region11)).status).toBe(403);
    expect(
      (
        await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/renvoi`, region11, {
          commentaire: 'x',
        })
      ).status,
    ).toBe(403);
    const empty = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/renvoi`, region84, {
      commentaire: '  ',
    });
    expect(empty.status).toBe(400);
    const back = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/renvoi`, region84, {
      commentaire: 'Le statut de la friche est à revoir.',
    });
    expect(back.status).toBe(200);
    const mail = await platform.ctx.db.query<{ subject: string; text_body: string }>(
      "SELECT subject, text_body FROM outbox WHERE to_address = 'chef.8405@example.fr' AND category = 'campagnes.renvoi'",
    );
    expect(mail.rows).toHaveLength(1);
    expect(mail.rows[0]!.text_body).toContain('Le statut de la friche est à revoir.');
    const page = (await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8405`, chef8405)).body;
    expect(page).toMatchObject({
      statut: 'renvoye',
      commentaireRenvoi: 'Le statut de la friche est à revoir.',
      signeLe: null,
    });
    expect(
      (await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/signature`, chef8405)).status,
    ).toBe(200);

    // Adding an action during the campaign counts as reviewing it.
    const created = await call('POST', '/api/v1/actions', chef8422, {
      territoire: 'ti-8422',
      intitule: 'Nouvelle action ajoutée pendant la campagne',
      axe: 'innovation',
    });
    expect(created.status).toBe(201);
    const page8422 = (await call('GET', `/api/v1/campagnes/${id}/territoires/ti-8422`, chef8422)).body;
    expect(page8422.revues).toBe(1);
    expect(
      page8422.items.find(
        (a: { titre: string }) => a.titre === 'Nouvelle action ajoutée pendant la campagne',
      ),
    ).toMatchObject({ revue: true });
    await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8422/revues`, chef8422, {
      actions: await actionsOf('ti-8422'),
    });
    expect(
      (await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8422/signature`, chef8422)).status,
    ).toBe(200);
    const ok = await call('POST', `/api/v1/campagnes/${id}/regions/84/validation`, region84);
    expect(ok.status).toBe(200);
    expect(ok.body.territoires).toBe(2);
    const twice = await call('POST', `/api/v1/campagnes/${id}/regions/84/validation`, region84);
    expect(twice.status).toBe(409);
    expect(twice.body.message).toMatch(/a déjà été validée le/);
    const progress = (await call('GET', `/api/v1/campagnes/${id}/avancement`, region84)).body;
    expect(progress.national).toMatchObject({
      territoires: 2,
      territoiresSignes: 2,
      regions: 1,
      regionsValidees: 1,
      partRevue: 1,
    });
    expect(progress.territoires.map((t: { statut: string }) => t.statut)).toEqual(['valide', 'valide']);
  });

  it('closes: the snapshot is frozen, later edits change nothing, nobody acts any more', async () => {
    const ids = [...(await actionsOf('ti-8405')), ...(await actionsOf('ti-8422'))];
    const closed = await call('POST', `/api/v1/campagnes/${id}/cloture`, national);
    expect(closed.body).toMatchObject({ etat: 'close', nbActions: ids.length });
    const statsBefore = (await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=statut`)).body;
    const axesBefore = (await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=axe&region=84`)).body;
    // Edit every action after the closing: the campaign's figures do not move.
    await platform.ctx.db.query(
      `UPDATE actions SET statut = 'abandonne', axe = 'innovation', version = version + 1 WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    expect((await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=statut`)).body).toEqual(statsBefore);
    expect((await call('GET', `/api/v1/campagnes/${id}/stats?groupBy=axe&region=84`)).body).toEqual(
      axesBefore,
    );
    expect(byKey(statsBefore).abandonne).toBeLessThan(ids.length);
    await expect(
      platform.ctx.db.query('UPDATE campagne_snapshots SET statut = NULL WHERE campagne_id = $1', [id]),
    ).rejects.toThrow(/ne peut pas être modifié/);
    await expect(
      platform.ctx.db.query('DELETE FROM campagne_snapshots WHERE campagne_id = $1', [id]),
    ).rejects.toThrow();
    const late = await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8405/signature`, chef8405);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/est close depuis le .* : ses chiffres sont figés/);
    expect((await call('DELETE', `/api/v1/campagnes/${id}`, national)).status).toBe(409);
    // The audit log tells the story.
    const audit = await platform.ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity = 'campagne' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(new Set(audit.rows.map((r) => r.action))).toEqual(
      new Set([
        'campagnes.ouverture',
        'campagnes.modification',
        'campagnes.revue',
        'campagnes.signature',
        'campagnes.renvoi',
        'campagnes.validation',
        'campagnes.cloture',
      ]),
    );
  });

  it('is described in the OpenAPI document', async () => {
    const { body } = await call('GET', '/api/v1/openapi.json');
    expect(body.paths).toHaveProperty(['/api/v1/campagnes/{id}/avancement']);
    expect(body.paths).toHaveProperty(['/api/v1/campagnes/comparaison']);
    expect(body.paths['/api/v1/campagnes/{id}/stats'].get.summary).toMatch(/Chiffres de la campagne/);
  });
});
