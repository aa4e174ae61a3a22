import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../src/domain/comptes/policy';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// Requests (sollicitations): creation, the partner workspace, answers, the regional task force,
// who may do what, the emails in the outbox, and the figures — through the HTTP API.

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo' });
});
afterAll(async () => platform?.close());

type Headers = Record<string, string>;
let people = 0;
/** A signed-in person with a known email (to look for their mails in the outbox). */
async function person(grants: Grant[], name = 'Personne de test') {
  const email = `personne-${++people}-${Date.now()}@example.fr`;
  return { ...(await signInAs(platform.ctx, grants, { email, name })), email };
}
const call = async (method: 'GET' | 'POST', url: string, headers: Headers = {}, payload?: unknown) => {
  const response = await platform.app.inject({ method, url, headers, payload: payload as object });
  return { status: response.statusCode, body: response.json() };
};

async function demoAction(thematique: string) {
  const { rows } = await platform.ctx.db.query<{ id: string; territoire_id: string; region_code: string }>(
    `SELECT id, territoire_id, region_code FROM actions
      WHERE demo AND archived_at IS NULL AND $1 = ANY (thematiques) AND statut = 'en-cours' ORDER BY id LIMIT 1`,
    [thematique],
  );
  return rows[0]!;
}

const outboxTo = async (email: string) =>
  (
    await platform.ctx.db.query<{ subject: string; text_body: string }>(
      'SELECT subject, text_body FROM outbox WHERE to_address = $1 ORDER BY id',
      [email],
    )
  ).rows;

const snapshot = async (id: string) =>
  (
    await platform.ctx.db.query(
      'SELECT statut, organisation, echeance, (SELECT count(*)::int FROM sollicitation_messages m WHERE m.sollicitation_id = s.id) AS n FROM sollicitations s WHERE id = $1',
      [id],
    )
  ).rows[0];

describe('a request addressed to an operator', () => {
  it('goes from creation to a favourable answer, mails the people concerned and is audited', async () => {
    const action = await demoAction('transition-energetique');
    const chef = await person([{ role: 'territorial', territoire: action.territoire_id }], 'Camille Chef');
    const bpi = await person([{ role: 'partner', organisation: 'bpifrance' }], 'Dominique Bpi');

    const created = await call('POST', `/api/v1/actions/${action.id}/sollicitations`, chef.headers, {
      destinataire: 'operateur',
      offre: 'bpifrance-accompagnement',
      objet: 'Accompagnement de la filière',
      message: 'Pouvez-vous nous accompagner ?',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      statut: 'nouvelle',
      organisation: 'bpifrance',
      adresseeA: 'Bpifrance',
      enRetard: false,
    });
    expect(created.body.reference).toMatch(/^S-\d{6}$/);
    const created_on = platform.ctx.clock.now();
    const due = new Date(
      Date.UTC(created_on.getUTCFullYear(), created_on.getUTCMonth(), created_on.getUTCDate() + 15),
    );
    expect(created.body.echeance).toBe(due.toISOString().slice(0, 10));
    const id = created.body.id as string;

    // The partner was told, in French, with the link; the requester was not mailed about their own act.
    const mails = await outboxTo(bpi.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toMatch(/Sollicitation S-\d{6} : nouvelle demande d’appui/);
    expect(mails[0]!.text_body).toContain(`/sollicitations/${id}`);
    expect(await outboxTo(chef.email)).toHaveLength(0);

    // Partner workspace: received by its organisation; the territory sees it as sent.
    const inbox = await call('GET', '/api/v1/sollicitations?boite=recue', bpi.headers);
    expect(inbox.body.items.map((s: { id: string }) => s.id)).toContain(id);
    expect(inbox.body.items.every((s: { organisation: string }) => s.organisation === 'bpifrance')).toBe(
      true,
    );
    const sent = await call('GET', '/api/v1/sollicitations?boite=envoyee', chef.headers);
    expect(sent.body.items.map((s: { id: string }) => s.id)).toContain(id);

    const detail = await call('GET', `/api/v1/sollicitations/${id}`, bpi.headers);
    expect(detail.body.droits).toMatchObject({ repondre: true });
    expect(detail.body.messages[0]).toMatchObject({
      texte: 'Pouvez-vous nous accompagner ?',
      cote: 'territoire',
    });

    const review = await call('POST', `/api/v1/sollicitations/${id}/statut`, bpi.headers, {
      statut: 'en-instruction',
    });
    expect(review.status).toBe(200);
    const reply = await call('POST', `/api/v1/sollicitations/${id}/messages`, chef.headers, {
      message: 'Voici les pièces.',
    });
    expect(reply.status).toBe(201);
    const answer = await call('POST', `/api/v1/sollicitations/${id}/statut`, bpi.headers, {
      statut: 'favorable',
      message: 'Accord : un chargé d’affaires vous contacte.',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statut: 'favorable', statutLibelle: 'Favorable' });
    expect(answer.body.decideLe).not.toBeNull();
    expect(answer.body.messages.map((m: { texte: string }) => m.texte)).toEqual([
      'Pouvez-vous nous accompagner ?',
      'Statut passé à « En instruction ».',
      'Voici les pièces.',
      'Accord : un chargé d’affaires vous contacte.',
    ]);

    const toChef = await outboxTo(chef.email);
    expect(toChef.map((m) => m.subject)).toEqual([
      expect.stringMatching(/: en instruction$/),
      expect.stringMatching(/: favorable$/),
    ]);
    expect(toChef[1]!.text_body).toContain('Nouveau statut : Favorable (Bpifrance).');
    expect((await outboxTo(bpi.email)).map((m) => m.subject)).toContainEqual(
      expect.stringMatching(/nouveau message$/),
    );

    const audit = await platform.ctx.db.query<{ action: string }>(
      'SELECT action FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id',
      ['sollicitation', id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'sollicitations.create',
      'sollicitations.statut',
      'sollicitations.message',
      'sollicitations.statut',
    ]);

    // Closed: no further status change.
    const again = await call('POST', `/api/v1/sollicitations/${id}/statut`, bpi.headers, {
      statut: 'declinee',
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/close \(« Favorable »\)/);
  });

  it('refuses, in French and with no change, answers from outside the addressed organisation', async () => {
    const action = await demoAction('transition-energetique');
    const chef = await person([{ role: 'territorial', territoire: action.territoire_id }]);
    const created = await call('POST', `/api/v1/actions/${action.id}/sollicitations`, chef.headers, {
      destinataire: 'operateur',
      organisation: 'ademe',
      objet: 'Chaleur renouvelable',
      message: 'Étude de faisabilité ?',
    });
    const id = created.body.id as string;
    const before = await snapshot(id);

    const otherPartner = await person([{ role: 'partner', organisation: 'bpifrance' }]);
    const asOther = await call('POST', `/api/v1/sollicitations/${id}/statut`, otherPartner.headers, {
      statut: 'favorable',
    });
    expect(asOther.status).toBe(404);
    expect(asOther.body.message).toMatch(/Sollicitation introuvable/);
    expect(
      (await call('POST', `/api/v1/sollicitations/${id}/messages`, otherPartner.headers, { message: 'x' }))
        .status,
    ).toBe(404);

    const asChef = await call('POST', `/api/v1/sollicitations/${id}/statut`, chef.headers, {
      statut: 'favorable',
    });
    expect(asChef.status).toBe(403);
    expect(asChef.body.message).toMatch(/Accès refusé/);

    // The region reads it, but an operator-addressed request is the operator's to answer.
    const regional = await person([{ role: 'regional', region: action.region_code }]);
    expect((await call('GET', `/api/v1/sollicitations/${id}`, regional.headers)).status).toBe(200);
    const asRegional = await call('POST', `/api/v1/sollicitations/${id}/statut`, regional.headers, {
      statut: 'favorable',
    });
    expect(asRegional.status).toBe(403);
    expect(asRegional.body.message).toMatch(/Seuls les membres de l’organisation sollicitée/);

    expect((await call('POST', `/api/v1/sollicitations/${id}/statut`, chef.headers, {})).status).toBe(403);
    expect(await snapshot(id)).toEqual(before);
  });

  it('refuses a request on an action of another territory (404) or from a partner (403), creating nothing', async () => {
    const action = await demoAction('eit');
    const count = async () =>
      (await platform.ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sollicitations')).rows[0]!
        .n;
    const start = await count();
    const body = { destinataire: 'operateur', organisation: 'ademe', objet: 'Appui', message: 'Bonjour' };
    const other = await person([
      { role: 'territorial', territoire: action.territoire_id === 'ti-8405' ? 'ti-8422' : 'ti-8405' },
    ]);
    const asOther = await call('POST', `/api/v1/actions/${action.id}/sollicitations`, other.headers, body);
    expect(asOther.status).toBe(404);
    expect(asOther.body.message).toMatch(/Action introuvable/);
    const partner = await person([{ role: 'partner', organisation: 'ademe' }]);
    expect(
      (await call('POST', `/api/v1/actions/${action.id}/sollicitations`, partner.headers, body)).status,
    ).toBe(403);
    expect((await call('POST', `/api/v1/actions/${action.id}/sollicitations`, {}, body)).status).toBe(401);
    const own = await person([{ role: 'territorial', territoire: action.territoire_id }]);
    const badOperator = await call('POST', `/api/v1/actions/${action.id}/sollicitations`, own.headers, {
      ...body,
      organisation: 'acme',
    });
    expect(badOperator.status).toBe(400);
    expect(badOperator.body.message).toMatch(/opérateur « acme » inconnu/);
    expect(await count()).toBe(start);
  });
});

describe('a request to the regional task force', () => {
  it('is mailed to the region, assigned to an operator, redirected, then answered by the new operator', async () => {
    const action = await demoAction('requalification-friche');
    const chef = await person([{ role: 'territorial', territoire: action.territoire_id }]);
    const cellule = await person([{ role: 'regional', region: action.region_code }]);
    const bdt = await person([{ role: 'partner', organisation: 'banque-des-territoires' }]);
    const cerema = await person([{ role: 'partner', organisation: 'cerema' }]);

    const created = await call('POST', `/api/v1/actions/${action.id}/sollicitations`, chef.headers, {
      destinataire: 'cellule-regionale',
      objet: 'Reconversion de la friche',
      message: 'Qui peut nous aider ?',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      organisation: null,
      viaCellule: true,
      adresseeA: expect.stringMatching(/^Cellule régionale/),
    });
    const id = created.body.id as string;
    expect(await outboxTo(cellule.email)).toHaveLength(1);
    expect(
      (await call('GET', '/api/v1/sollicitations?boite=recue', cellule.headers)).body.items.map(
        (s: { id: string }) => s.id,
      ),
    ).toContain(id);

    // Not yet assigned: nobody can give it a status.
    const early = await call('POST', `/api/v1/sollicitations/${id}/statut`, cellule.headers, {
      statut: 'favorable',
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/pas encore affectée/);

    const assigned = await call('POST', `/api/v1/sollicitations/${id}/orientation`, cellule.headers, {
      organisation: 'banque-des-territoires',
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({
      statut: 'nouvelle',
      organisation: 'banque-des-territoires',
      decideLe: null,
    });
    expect((await outboxTo(bdt.email)).at(-1)!.subject).toMatch(/confiée à Banque des Territoires$/);

    await call('POST', `/api/v1/sollicitations/${id}/statut`, bdt.headers, { statut: 'en-instruction' });
    const redirected = await call('POST', `/api/v1/sollicitations/${id}/orientation`, bdt.headers, {
      organisation: 'cerema',
      message: 'Le Cerema est mieux placé pour le foncier.',
    });
    expect(redirected.body).toMatchObject({ statut: 'reorientee', organisation: 'cerema' });
    expect(redirected.body.decideLe).not.toBeNull();
    // Banque des Territoires no longer sees it; the Cerema does and answers.
    expect((await call('GET', `/api/v1/sollicitations/${id}`, bdt.headers)).status).toBe(404);
    expect((await outboxTo(cerema.email)).at(-1)!.subject).toMatch(/réorientée vers Cerema$/);
    const done = await call('POST', `/api/v1/sollicitations/${id}/statut`, cerema.headers, {
      statut: 'favorable',
    });
    expect(done.status).toBe(200);
    expect(done.body.statut).toBe('favorable');
    expect((await outboxTo(chef.email)).map((m) => m.subject).at(-1)).toMatch(/: favorable$/);
  });
});

describe('figures', () => {
  it('reproduces the PACA task force: 140 requests in a year, 80 % favourable', async () => {
    const who = await person([{ role: 'national' }]);
    const { status, body } = await call('GET', '/api/v1/sollicitations/statistiques?region=93', who.headers);
    expect(status).toBe(200);
    const paca = body.parRegion.find((r: { code: string }) => r.code === '93');
    expect(paca.celluleRegionale).toMatchObject({ nombre: 140, partFavorable: 80 });
    expect(paca.celluleRegionale.delaiMedianJours).toBeGreaterThan(0);
    expect(body.demo).toBe(true);
  });

  it('gives figures per region and per operator nationally', async () => {
    const who = await person([{ role: 'regional', region: '84' }]);
    const { body } = await call('GET', '/api/v1/sollicitations/statistiques', who.headers);
    expect(body.parRegion.length).toBeGreaterThan(5);
    expect(body.parOperateur.map((o: { code: string }) => o.code)).toContain('bpifrance');
    const total = body.parRegion.reduce((sum: number, r: { nombre: number }) => sum + r.nombre, 0);
    expect(total).toBe(body.total.nombre);
    expect(body.total.partFavorable).toBeGreaterThan(60);
  });

  it('shows a partner only the requests of its organisation', async () => {
    const ademe = await person([{ role: 'partner', organisation: 'ademe' }]);
    const { body } = await call('GET', '/api/v1/sollicitations?boite=toutes', ademe.headers);
    expect(body.total).toBeGreaterThan(0);
    expect(body.items.every((s: { organisation: string; demo: boolean }) => s.organisation === 'ademe')).toBe(
      true,
    );
    expect((await call('GET', '/api/v1/sollicitations')).status).toBe(401);
  });
});
