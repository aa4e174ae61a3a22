import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '../../src/server/comptes/sessions';
import type { Database } from '../../src/server/platform/db/database';
import { ManualClock, runDueJobs } from '../../src/server/platform/jobs';
import { type Platform, startPlatform } from '../../src/server/platform/start';
import { signInAs } from '../helpers/auth';
import { openTestDatabase } from '../helpers/database';

// Campaign reminders are persisted jobs: sent once, at the right time, by one instance, and still
// sent after a restart. The clock is moved by hand; runDueJobs() stands for the server's poll.

const clock = new ManualClock(new Date());
const DAY = 86_400_000;
let db: Database;
let platform: Platform;

const start = () =>
  startPlatform({
    db,
    clock,
    listen: false,
    config: { port: 0, demo: false, dataDir: path.resolve('node_modules/.cache/pilote-tests/runtime') },
  });

beforeAll(async () => {
  db = await openTestDatabase('demo');
  platform = await start();
});
afterAll(async () => {
  await platform?.close();
  await db?.close();
});

type Who = Awaited<ReturnType<typeof signInAs>>;
const call = async (method: string, url: string, who?: Who, payload?: unknown) => {
  const response = await platform.app.inject({
    method: method as 'GET',
    url,
    headers: who?.headers,
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  return { status: response.statusCode, body: response.body ? response.json() : null };
};
/** A new session at the current (moved) clock time: sessions expire like in real life. */
async function renew(who: Who): Promise<Who> {
  const session = await createSession(db, who.userId, clock.now());
  const cookie = `${SESSION_COOKIE}=${session.token}`;
  return { ...who, cookie, csrf: session.csrfToken, headers: { cookie, 'x-csrf-token': session.csrfToken } };
}
const mails = async (to: string) =>
  (
    await db.query<{ subject: string; text_body: string; category: string }>(
      'SELECT subject, text_body, category FROM outbox WHERE to_address = $1 ORDER BY id',
      [to],
    )
  ).rows;

describe('campaign reminders', () => {
  let national: Who;
  let chef8422: Who;
  let region84: Who;
  let id: string;
  let cloture: Date;

  it('plans two reminders before the closing date and two escalations after it', async () => {
    national = await signInAs(platform.ctx, [{ role: 'national' }]);
    await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8405' }], {
      email: 'chef.8405@example.fr',
    });
    chef8422 = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8422' }], {
      email: 'chef.8422@example.fr',
    });
    region84 = await signInAs(platform.ctx, [{ role: 'regional', region: '84' }], {
      email: 'coord.84@example.fr',
    });
    // Close the demo campaign in progress (its pending reminders are cancelled with it).
    const demo = (await call('GET', '/api/v1/campagnes', national)).body.items.find(
      (c: { etat: string }) => c.etat !== 'close',
    );
    expect((await call('POST', `/api/v1/campagnes/${demo.id}/cloture`, national)).status).toBe(200);
    const demoJobs = await db.query<{ status: string }>(
      'SELECT DISTINCT status FROM jobs WHERE starts_with(key, $1)',
      [`campagne:${demo.id}:`],
    );
    expect(demoJobs.rows.map((r) => r.status)).toEqual(['cancelled']);

    const today = clock.now().toISOString().slice(0, 10);
    cloture = new Date(Date.parse(`${today}T00:00:00Z`) + 20 * DAY);
    const opened = await call('POST', '/api/v1/campagnes', national, {
      nom: 'Campagne de rappel',
      ouverture: today,
      cloture: cloture.toISOString().slice(0, 10),
      territoires: ['ti-8405', 'ti-8422'],
    });
    expect(opened.status).toBe(201);
    id = opened.body.id;
    const { body } = await call('GET', `/api/v1/campagnes/${id}/rappels`, national);
    expect(body.planifies.map((p: { type: string; prevuLe: string }) => [p.type, p.prevuLe])).toEqual([
      ['rappel', new Date(cloture.getTime() - 14 * DAY + 7 * 3_600_000).toISOString()],
      ['rappel', new Date(cloture.getTime() - 3 * DAY + 7 * 3_600_000).toISOString()],
      ['relance-regionale', new Date(cloture.getTime() + 1 * DAY + 7 * 3_600_000).toISOString()],
      ['relance-regionale', new Date(cloture.getTime() + 8 * DAY + 7 * 3_600_000).toISOString()],
    ]);
  });

  it('sends nothing before the time, then once to each territory not signed off', async () => {
    // ti-8422 reviews everything and signs off: it will not be reminded.
    const ids = (
      await db.query<{ id: string }>(
        "SELECT id FROM actions WHERE territoire_id = 'ti-8422' AND archived_at IS NULL",
      )
    ).rows.map((r) => r.id);
    await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8422/revues`, chef8422, { actions: ids });
    expect(
      (await call('POST', `/api/v1/campagnes/${id}/territoires/ti-8422/signature`, chef8422)).status,
    ).toBe(200);

    clock.set(new Date(cloture.getTime() - 14 * DAY + 7 * 3_600_000 - 1000));
    await runDueJobs(platform.ctx);
    expect(await mails('chef.8405@example.fr')).toHaveLength(0);
    clock.advance(1000);
    await Promise.all([runDueJobs(platform.ctx), runDueJobs(platform.ctx)]);
    await runDueJobs(platform.ctx);
    const sent = await mails('chef.8405@example.fr');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ category: 'campagnes.rappel' });
    expect(sent[0]!.subject).toMatch(
      /^\[Territoires d'industrie\] Campagne de rappel : mise à jour de .* attendue avant le/,
    );
    expect(sent[0]!.text_body).toMatch(/actions? rest/);
    expect(await mails('chef.8422@example.fr')).toHaveLength(0);
  });

  it('still sends the next reminder, once, after a restart', async () => {
    await platform.close();
    platform = await start();
    clock.set(new Date(cloture.getTime() - 3 * DAY + 8 * 3_600_000));
    await runDueJobs(platform.ctx);
    await runDueJobs(platform.ctx);
    expect(await mails('chef.8405@example.fr')).toHaveLength(2);
    expect(await mails('coord.84@example.fr')).toHaveLength(0);
  });

  it('escalates to the regional coordinator after the closing date', async () => {
    clock.set(new Date(cloture.getTime() + 1 * DAY + 7 * 3_600_000));
    await runDueJobs(platform.ctx);
    const sent = await mails('coord.84@example.fr');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.subject).toMatch(/1 territoire de Auvergne-Rhône-Alpes sans signature après la clôture/);
    expect(sent[0]!.category).toBe('campagnes.relance');
    expect(await mails('chef.8405@example.fr')).toHaveLength(2);
    region84 = await renew(region84);
    national = await renew(national);
    const { body } = await call('GET', `/api/v1/campagnes/${id}/rappels`, region84);
    expect(body.envoyes.map((r: { type: string }) => r.type)).toEqual([
      'relance-regionale',
      'rappel',
      'rappel',
    ]);
    expect(body.planifies.map((p: { etat: string }) => p.etat)).toEqual(['done', 'done', 'done', 'pending']);
  });

  it('lets the national team remind by hand, and only them', async () => {
    expect((await call('POST', `/api/v1/campagnes/${id}/rappels`, region84, {})).status).toBe(403);
    const bad = await call('POST', `/api/v1/campagnes/${id}/rappels`, national, { territoires: ['ti-1101'] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/« ti-1101 » ne participe pas à la campagne/);
    const sent = await call('POST', `/api/v1/campagnes/${id}/rappels`, national, {});
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ territoires: 1 });
    const last = (await mails('chef.8405@example.fr')).at(-1)!;
    expect(last.subject).toMatch(/la date de clôture est passée/);
    expect(last.text_body).toMatch(/Délégation aux Territoires d'industrie/);
  });

  it('stops reminding once the campaign is closed', async () => {
    national = await renew(national);
    expect((await call('POST', `/api/v1/campagnes/${id}/cloture`, national)).status).toBe(200);
    const before = (await mails('coord.84@example.fr')).length;
    clock.set(new Date(cloture.getTime() + 9 * DAY));
    await runDueJobs(platform.ctx);
    expect(await mails('coord.84@example.fr')).toHaveLength(before);
    national = await renew(national);
    const manual = await call('POST', `/api/v1/campagnes/${id}/rappels`, national, {});
    expect(manual.status).toBe(409);
  });
});
