import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grant } from '../../src/domain/comptes/policy';
import { signInAs } from '../helpers/auth';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';

// The access matrix: EVERY route the server registers is called as each kind of person, with
// valid-looking parameters, and the answer is checked against the table below. A route missing from
// the table fails the test: whoever adds a route adds its row (one line).
//
// Verdicts: allowed = anything but 401/403 (and but 404, unless the row says a 404 is a normal
// answer for it) and never a 5xx; denied = 401 for the anonymous visitor, 403 or 404 (existence
// hidden) for a signed-in person.

type Who = 'anonyme' | 'national' | 'region' | 'autreRegion' | 'ti' | 'autreTi' | 'partenaire';
const WHO: Who[] = ['anonyme', 'national', 'region', 'autreRegion', 'ti', 'autreTi', 'partenaire'];
const GRANTS: Record<Exclude<Who, 'anonyme'>, Grant[]> = {
  national: [{ role: 'national' }],
  region: [{ role: 'regional', region: '84' }], // Auvergne-Rhône-Alpes, region of ti-8422
  autreRegion: [{ role: 'regional', region: '11' }],
  ti: [{ role: 'territorial', territoire: 'ti-8422' }], // the TI concerned by every scoped request
  autreTi: [{ role: 'territorial', territoire: 'ti-8413' }], // another TI of the same region
  partenaire: [{ role: 'partner', organisation: 'bpifrance' }],
};

// Who is allowed, by family.
const ALL = WHO;
const SIGNED: Who[] = ['national', 'region', 'autreRegion', 'ti', 'autreTi', 'partenaire'];
const NAT: Who[] = ['national'];
const READ_TI: Who[] = ['national', 'region', 'ti', 'partenaire']; // actions.read on ti-8422
const WRITE_TI: Who[] = ['national', 'ti']; // actions.write / signoff on ti-8422
const READERS: Who[] = ['national', 'region', 'autreRegion', 'ti', 'autreTi', 'partenaire']; // actions.read, no scope
const MANAGERS: Who[] = ['national', 'region', 'autreRegion']; // comptes.manage, list (own scope)
const MANAGE_84: Who[] = ['national', 'region']; // comptes.manage on an account of region 84
const AUDIT: Who[] = ['national', 'ti', 'autreTi']; // audit.read (each sees its own territories)
const VALIDATE_84: Who[] = ['national', 'region'];

interface Fixtures {
  action: string;
  actionVersion: number;
  campagne: string;
  sollicitation: string;
  laureat: string;
  mission: string;
  site: string;
  offre: string;
  targetUser: string;
}

interface Row {
  /** Concrete URL (with valid-looking parameters). */
  url: (f: Fixtures) => string;
  allow: Who[];
  body?: (f: Fixtures, who: Who) => unknown;
  /** Statuses that are a normal answer for an allowed caller (e.g. 401 for a wrong password). */
  okStatuses?: number[];
  /** A fresh session per call (the route ends or changes the caller's session). */
  fresh?: boolean;
}

const r = (
  url: string | ((f: Fixtures) => string),
  allow: Who[],
  extra: Omit<Row, 'url' | 'allow'> = {},
): Row => ({
  url: typeof url === 'string' ? () => url : url,
  allow,
  ...extra,
});

// PDF printing drives a local browser against the listening server: 503 under inject().
const PDF = { okStatuses: [503] };

let seq = 0;
const MATRIX: Record<string, Row> = {
  // Platform and référentiel (public)
  'GET /api/v1/openapi.json': r('/api/v1/openapi.json', ALL),
  'GET /api/v1/sante': r('/api/v1/sante', ALL),
  'GET /api/v1/territoires': r('/api/v1/territoires', ALL),
  'GET /api/v1/territoires/:id': r('/api/v1/territoires/ti-8422', ALL),
  'GET /api/v1/territoires/:id/carte': r('/api/v1/territoires/ti-8422/carte', ALL),
  'GET /api/v1/regions': r('/api/v1/regions', ALL),
  'GET /api/v1/regions/:code': r('/api/v1/regions/84', ALL),
  'GET /api/v1/recherche': r('/api/v1/recherche?q=arve', ALL),
  'GET /api/v1/stats/programme': r('/api/v1/stats/programme', ALL),
  'GET /api/v1/carte/territoires': r('/api/v1/carte/territoires', ALL),

  // Comptes
  'GET /api/v1/comptes/moi': r('/api/v1/comptes/moi', ALL),
  'POST /api/v1/comptes/connexion': r('/api/v1/comptes/connexion', ALL, {
    body: () => ({ email: 'personne@example.fr', motDePasse: 'mauvais' }),
    okStatuses: [401],
  }),
  'POST /api/v1/comptes/deconnexion': r('/api/v1/comptes/deconnexion', ALL, { fresh: true }),
  'POST /api/v1/comptes/mot-de-passe-oublie': r('/api/v1/comptes/mot-de-passe-oublie', ALL, {
    body: () => ({ email: 'personne@example.fr' }),
  }),
  'GET /api/v1/comptes/lien': r('/api/v1/comptes/lien?jeton=jeton-inconnu-0000', ALL),
  'POST /api/v1/comptes/mot-de-passe': r('/api/v1/comptes/mot-de-passe', ALL, {
    body: () => ({ jeton: 'jeton-inconnu-0000', motDePasse: 'un mot de passe assez long' }),
  }),
  'POST /api/v1/comptes/moi/mot-de-passe': r('/api/v1/comptes/moi/mot-de-passe', SIGNED, {
    body: () => ({ actuel: 'pas le bon', nouveau: 'un mot de passe assez long' }),
  }),
  'GET /api/v1/comptes/moi/sessions': r('/api/v1/comptes/moi/sessions', SIGNED),
  'DELETE /api/v1/comptes/moi/sessions/:id': r('/api/v1/comptes/moi/sessions/999999', SIGNED, {
    okStatuses: [404],
  }),
  'GET /api/v1/comptes/methodes': r('/api/v1/comptes/methodes', ALL),
  'GET /api/v1/comptes/proconnect/connexion': r('/api/v1/comptes/proconnect/connexion', ALL),
  'GET /api/v1/comptes/proconnect/retour': r('/api/v1/comptes/proconnect/retour?code=x&state=y', ALL),
  'GET /api/v1/comptes/utilisateurs': r('/api/v1/comptes/utilisateurs', MANAGERS),
  'POST /api/v1/comptes/utilisateurs': r('/api/v1/comptes/utilisateurs', MANAGE_84, {
    body: (_f, who) => ({
      email: `invite-${who}-${++seq}@example.fr`,
      nom: 'Invitée',
      roles: [{ role: 'territorial', territoire: 'ti-8422' }],
    }),
  }),
  'PUT /api/v1/comptes/utilisateurs/:id/roles': r(
    (f) => `/api/v1/comptes/utilisateurs/${f.targetUser}/roles`,
    MANAGE_84,
    {
      body: () => ({ roles: [{ role: 'territorial', territoire: 'ti-8422' }] }),
    },
  ),
  'POST /api/v1/comptes/utilisateurs/:id/invitation': r(
    (f) => `/api/v1/comptes/utilisateurs/${f.targetUser}/invitation`,
    MANAGE_84,
  ),
  'POST /api/v1/comptes/utilisateurs/:id/desactivation': r(
    (f) => `/api/v1/comptes/utilisateurs/${f.targetUser}/desactivation`,
    MANAGE_84,
  ),
  'POST /api/v1/comptes/utilisateurs/:id/reactivation': r(
    (f) => `/api/v1/comptes/utilisateurs/${f.targetUser}/reactivation`,
    MANAGE_84,
  ),
  'GET /api/v1/comptes/outbox': r('/api/v1/comptes/outbox', NAT),
  'GET /api/v1/comptes/journal': r('/api/v1/comptes/journal?territoire=ti-8422', AUDIT),
  'GET /api/v1/comptes/journal.csv': r('/api/v1/comptes/journal.csv?territoire=ti-8422', AUDIT),

  // Actions
  'GET /api/v1/actions/vocabulaire': r('/api/v1/actions/vocabulaire', ALL),
  'GET /api/v1/stats/actions': r('/api/v1/stats/actions', ALL),
  'GET /api/v1/actions': r('/api/v1/actions?ti=ti-8422', READ_TI),
  'GET /api/v1/actions/export.csv': r('/api/v1/actions/export.csv?ti=ti-8422', READ_TI),
  'GET /api/v1/actions/export.xlsx': r('/api/v1/actions/export.xlsx?ti=ti-8422', READ_TI),
  'GET /api/v1/actions/:id': r((f) => `/api/v1/actions/${f.action}`, READ_TI),
  'GET /api/v1/actions/:id/historique': r((f) => `/api/v1/actions/${f.action}/historique`, READ_TI),
  'POST /api/v1/actions': r('/api/v1/actions', WRITE_TI, {
    body: () => ({ territoire: 'ti-8422', intitule: 'Action de la matrice des droits', axe: 'innovation' }),
  }),
  'PATCH /api/v1/actions/:id': r((f) => `/api/v1/actions/${f.action}`, WRITE_TI, {
    body: (f) => ({ version: f.actionVersion, description: 'Relue par la matrice des droits' }),
    okStatuses: [409], // optimistic lock: the second allowed writer holds a stale version
  }),
  'POST /api/v1/actions/lot': r('/api/v1/actions/lot', WRITE_TI, {
    body: (f) => ({ ids: [f.action], statut: 'en-cours' }),
  }),
  'DELETE /api/v1/actions/:id': r((f) => `/api/v1/actions/${f.action}`, WRITE_TI, { okStatuses: [404, 409] }),
  'POST /api/v1/actions/:id/restaurer': r((f) => `/api/v1/actions/${f.action}/restaurer`, WRITE_TI, {
    okStatuses: [409],
  }),
  // Route level: any territorial may import; each imported row is then checked against its TI.
  'POST /api/v1/actions/import': r(
    '/api/v1/actions/import?dryRun=true&ti=ti-8422',
    ['national', 'ti', 'autreTi'],
    {
      okStatuses: [400, 415],
    },
  ),

  // Campagnes
  'GET /api/v1/campagnes': r('/api/v1/campagnes', ALL),
  'POST /api/v1/campagnes': r('/api/v1/campagnes', NAT, { body: () => ({}) }),
  'GET /api/v1/campagnes/:id': r((f) => `/api/v1/campagnes/${f.campagne}`, ALL),
  'PATCH /api/v1/campagnes/:id': r((f) => `/api/v1/campagnes/${f.campagne}`, NAT, {
    body: () => ({ nom: 12 }),
  }),
  'DELETE /api/v1/campagnes/:id': r(() => `/api/v1/campagnes/00000000-0000-4000-8000-000000000000`, NAT, {
    okStatuses: [404],
  }),
  'POST /api/v1/campagnes/:id/cloture': r(
    () => `/api/v1/campagnes/00000000-0000-4000-8000-000000000000/cloture`,
    NAT,
    {
      okStatuses: [404],
    },
  ),
  'GET /api/v1/campagnes/:id/avancement': r((f) => `/api/v1/campagnes/${f.campagne}/avancement`, SIGNED),
  'GET /api/v1/campagnes/:id/territoires/:ti': r(
    (f) => `/api/v1/campagnes/${f.campagne}/territoires/ti-8422`,
    READ_TI,
  ),
  'POST /api/v1/campagnes/:id/territoires/:ti/revues': r(
    (f) => `/api/v1/campagnes/${f.campagne}/territoires/ti-8422/revues`,
    WRITE_TI,
    { body: (f) => ({ actions: [f.action] }), okStatuses: [409] },
  ),
  'POST /api/v1/campagnes/:id/territoires/:ti/signature': r(
    (f) => `/api/v1/campagnes/${f.campagne}/territoires/ti-8422/signature`,
    WRITE_TI,
    { okStatuses: [409] },
  ),
  'POST /api/v1/campagnes/:id/territoires/:ti/renvoi': r(
    (f) => `/api/v1/campagnes/${f.campagne}/territoires/ti-8422/renvoi`,
    VALIDATE_84,
    { body: () => ({ commentaire: 'À revoir (matrice des droits)' }), okStatuses: [409] },
  ),
  'POST /api/v1/campagnes/:id/regions/:code/validation': r(
    (f) => `/api/v1/campagnes/${f.campagne}/regions/84/validation`,
    VALIDATE_84,
    { okStatuses: [409] },
  ),
  'GET /api/v1/campagnes/:id/rappels': r((f) => `/api/v1/campagnes/${f.campagne}/rappels`, SIGNED),
  'POST /api/v1/campagnes/:id/rappels': r((f) => `/api/v1/campagnes/${f.campagne}/rappels`, NAT, {
    body: () => ({ territoires: 'pas une liste' }),
  }),
  'GET /api/v1/campagnes/:id/stats': r((f) => `/api/v1/campagnes/${f.campagne}/stats`, ALL),
  'GET /api/v1/campagnes/comparaison': r('/api/v1/campagnes/comparaison', ALL),
  'GET /api/v1/campagnes/comparaison/transitions': r('/api/v1/campagnes/comparaison/transitions', ALL),
  'GET /api/v1/campagnes/:id/bloquees': r(
    (f) => `/api/v1/campagnes/${f.campagne}/bloquees?territoire=ti-8422`,
    READ_TI,
  ),

  // Portraits, tableaux de bord (public)
  'GET /api/v1/portraits/territoires/:id': r('/api/v1/portraits/territoires/ti-8422', ALL),
  'GET /api/v1/portraits/territoires/:id.pdf': r('/api/v1/portraits/territoires/ti-8422.pdf', ALL, PDF),
  'GET /api/v1/portraits/regions/:code': r('/api/v1/portraits/regions/84', ALL),
  'GET /api/v1/portraits/programme': r('/api/v1/portraits/programme', ALL),
  'GET /api/v1/cartes/indicateurs': r('/api/v1/cartes/indicateurs', ALL),
  'GET /api/v1/cartes/choropleth': r('/api/v1/cartes/choropleth', ALL, { okStatuses: [400] }),
  'GET /api/v1/cartes/couches/epci': r('/api/v1/cartes/couches/epci', ALL),
  'GET /api/v1/tableaux-de-bord/national': r('/api/v1/tableaux-de-bord/national', ALL),
  'GET /api/v1/tableaux-de-bord/national.csv': r('/api/v1/tableaux-de-bord/national.csv', ALL),
  'GET /api/v1/tableaux-de-bord/national.pdf': r('/api/v1/tableaux-de-bord/national.pdf', ALL, PDF),
  'GET /api/v1/tableaux-de-bord/regions/:code': r('/api/v1/tableaux-de-bord/regions/84', ALL),
  'GET /api/v1/tableaux-de-bord/regions/:code.csv': r('/api/v1/tableaux-de-bord/regions/84.csv', ALL),
  'GET /api/v1/tableaux-de-bord/regions/:code.pdf': r('/api/v1/tableaux-de-bord/regions/84.pdf', ALL, PDF),
  'GET /api/v1/tableaux-de-bord/territoires/:id': r('/api/v1/tableaux-de-bord/territoires/ti-8422', ALL),
  'GET /api/v1/tableaux-de-bord/territoires/:id.csv': r(
    '/api/v1/tableaux-de-bord/territoires/ti-8422.csv',
    ALL,
  ),
  'GET /api/v1/tableaux-de-bord/territoires/:id.pdf': r(
    '/api/v1/tableaux-de-bord/territoires/ti-8422.pdf',
    ALL,
    PDF,
  ),

  // Offres, parcours, sollicitations
  'GET /api/v1/offres': r('/api/v1/offres', ALL),
  'GET /api/v1/offres/:slug': r((f) => `/api/v1/offres/${f.offre}`, ALL),
  'GET /api/v1/offres/usage': r('/api/v1/offres/usage', READERS),
  'GET /api/v1/actions/:id/parcours': r((f) => `/api/v1/actions/${f.action}/parcours`, READ_TI),
  'GET /api/v1/territoires/:id/parcours': r('/api/v1/territoires/ti-8422/parcours', READ_TI),
  'POST /api/v1/actions/:id/offres': r((f) => `/api/v1/actions/${f.action}/offres`, WRITE_TI, {
    body: (f) => ({ offre: f.offre, resultat: 'demandee' }),
    okStatuses: [409],
  }),
  'GET /api/v1/actions/:id/offres': r((f) => `/api/v1/actions/${f.action}/offres`, READ_TI),
  'POST /api/v1/actions/:id/sollicitations': r(
    (f) => `/api/v1/actions/${f.action}/sollicitations`,
    WRITE_TI,
    {
      body: () => ({
        destinataire: 'cellule-regionale',
        objet: 'Demande de la matrice des droits',
        message: 'Bonjour',
      }),
      okStatuses: [400, 409],
    },
  ),
  'GET /api/v1/actions/:id/sollicitations': r((f) => `/api/v1/actions/${f.action}/sollicitations`, READ_TI),
  'GET /api/v1/sollicitations': r('/api/v1/sollicitations', SIGNED),
  'GET /api/v1/sollicitations/statistiques': r('/api/v1/sollicitations/statistiques', READERS),
  'GET /api/v1/sollicitations/:id': r(
    (f) => `/api/v1/sollicitations/${f.sollicitation}`,
    ['national', 'region', 'ti', 'partenaire'],
  ),
  'POST /api/v1/sollicitations/:id/messages': r(
    (f) => `/api/v1/sollicitations/${f.sollicitation}/messages`,
    ['national', 'region', 'ti', 'partenaire'],
    { body: () => ({ message: 'Message de la matrice des droits' }), okStatuses: [409] },
  ),
  'POST /api/v1/sollicitations/:id/statut': r(
    (f) => `/api/v1/sollicitations/${f.sollicitation}/statut`,
    ['national', 'partenaire'], // the operator addressed answers (the cellule régionale only orients)
    { body: () => ({ statut: 'en-instruction' }), okStatuses: [409] },
  ),
  'POST /api/v1/sollicitations/:id/orientation': r(
    (f) => `/api/v1/sollicitations/${f.sollicitation}/orientation`,
    ['national', 'partenaire'], // addressed to Bpifrance directly: the cellule régionale is not involved
    { body: () => ({ organisation: 'bpifrance' }), okStatuses: [409] },
  ),

  // Financements, foncier, gouvernance
  'GET /api/v1/laureats': r('/api/v1/laureats', ALL),
  'GET /api/v1/laureats/carte': r('/api/v1/laureats/carte', ALL),
  'GET /api/v1/laureats/export': r('/api/v1/laureats/export', ALL),
  'GET /api/v1/laureats/:id': r((f) => `/api/v1/laureats/${f.laureat}`, ALL),
  'GET /api/v1/missions-rebond': r('/api/v1/missions-rebond', ALL),
  'GET /api/v1/missions-rebond/export': r('/api/v1/missions-rebond/export', ALL),
  'GET /api/v1/financements/stats': r('/api/v1/financements/stats', ALL),
  'POST /api/v1/laureats/import': r('/api/v1/laureats/import', NAT, { okStatuses: [400, 415] }),
  'POST /api/v1/missions-rebond/import': r('/api/v1/missions-rebond/import', NAT, { okStatuses: [400, 415] }),
  'GET /api/v1/sites-cles-en-main': r('/api/v1/sites-cles-en-main', ALL),
  'GET /api/v1/sites-cles-en-main/carte': r('/api/v1/sites-cles-en-main/carte', ALL),
  'GET /api/v1/sites-cles-en-main/export': r('/api/v1/sites-cles-en-main/export', ALL),
  'GET /api/v1/sites-cles-en-main/:id': r((f) => `/api/v1/sites-cles-en-main/${f.site}`, ALL),
  'GET /api/v1/besoins-fonciers': r('/api/v1/besoins-fonciers?territoire=ti-8422', READERS),
  'GET /api/v1/besoins-fonciers/export': r('/api/v1/besoins-fonciers/export?territoire=ti-8422', READERS),
  'GET /api/v1/foncier/stats': r('/api/v1/foncier/stats', ALL),
  'POST /api/v1/sites-cles-en-main/import': r('/api/v1/sites-cles-en-main/import', NAT, {
    okStatuses: [400, 415],
  }),
  'POST /api/v1/besoins-fonciers/import': r('/api/v1/besoins-fonciers/import', NAT, {
    okStatuses: [400, 415],
  }),
  'GET /api/v1/territoires/:id/gouvernance': r('/api/v1/territoires/ti-8422/gouvernance', ALL),
  'GET /api/v1/annuaire': r('/api/v1/annuaire', SIGNED),
  'GET /api/v1/gouvernance/evenements': r('/api/v1/gouvernance/evenements', ALL),
  'GET /api/v1/gouvernance/stats': r('/api/v1/gouvernance/stats', ALL),
  'GET /api/v1/gouvernance/export': r('/api/v1/gouvernance/export', SIGNED),
  'POST /api/v1/gouvernance/import': r('/api/v1/gouvernance/import', NAT, { okStatuses: [400, 415] }),
};

let platform: TestPlatform;
let fixtures: Fixtures;
const sessions = new Map<Who, Record<string, string>>();

async function headersFor(who: Who, fresh: boolean): Promise<Record<string, string>> {
  if (who === 'anonyme') return {};
  if (!fresh && sessions.has(who)) return sessions.get(who)!;
  const session = await signInAs(platform.ctx, GRANTS[who], { name: `Matrice ${who}` });
  if (!fresh) sessions.set(who, session.headers);
  return session.headers;
}

const one = async <T>(sql: string): Promise<T> => {
  const { rows } = await platform.ctx.db.query<Record<string, T>>(sql);
  if (!rows[0]) throw new Error(`Donnée de démonstration introuvable pour la matrice : ${sql}`);
  return Object.values(rows[0])[0] as T;
};

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false, data: 'demo' });
  const target = await signInAs(platform.ctx, [{ role: 'territorial', territoire: 'ti-8422' }], {
    name: 'Compte cible',
  });
  const action = await platform.ctx.db.query<{ id: string; version: number }>(
    `SELECT id, version FROM actions WHERE territoire_id = 'ti-8422' ORDER BY id LIMIT 1`,
  );
  fixtures = {
    action: action.rows[0]!.id,
    actionVersion: action.rows[0]!.version,
    campagne: await one<string>(
      `SELECT id FROM campagnes WHERE closed_at IS NULL ORDER BY ouverture DESC LIMIT 1`,
    ).catch(() => one<string>('SELECT id FROM campagnes ORDER BY ouverture DESC LIMIT 1')),
    sollicitation: '',
    laureat: await one('SELECT id FROM laureats ORDER BY id LIMIT 1'),
    mission: await one('SELECT id FROM rebond_missions ORDER BY id LIMIT 1'),
    site: await one('SELECT id FROM sites_cles_en_main ORDER BY id LIMIT 1'),
    offre: await one('SELECT slug FROM offres ORDER BY slug LIMIT 1'),
    targetUser: target.userId,
  };
  // A request of ti-8422 addressed to Bpifrance: the partner of the matrix is its operator.
  const created = await platform.app.inject({
    method: 'POST',
    url: `/api/v1/actions/${fixtures.action}/sollicitations`,
    headers: await headersFor('ti', false),
    payload: {
      destinataire: 'operateur',
      organisation: 'bpifrance',
      objet: 'Financement (matrice)',
      message: 'Bonjour',
    },
  });
  if (created.statusCode !== 201 && created.statusCode !== 200)
    throw new Error(`Sollicitation non créée : ${created.body}`);
  fixtures.sollicitation = created.json().id;
}, 300_000);
afterAll(async () => {
  await platform?.close();
});

describe('matrice des droits', () => {
  it('chaque route enregistrée a sa ligne dans la table (et chaque ligne sa route)', () => {
    const registered = platform.app.routeRegistry.map((route) => `${route.method} ${route.url}`);
    const missing = registered.filter((key) => !(key in MATRIX));
    expect(missing, `Routes sans ligne dans la matrice des droits : ajoutez-les à MATRIX`).toEqual([]);
    const stale = Object.keys(MATRIX).filter((key) => !registered.includes(key));
    expect(stale, 'Lignes de la matrice sans route enregistrée').toEqual([]);
  });

  it('chaque route de l’API a un schéma documenté (résumé en français, étiquette)', async () => {
    const doc = (await platform.app.inject({ url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, { summary?: string; tags?: string[] }>>;
    };
    const undocumented: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(operations)) {
        if (!op.summary || !op.tags?.length) undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('chaque rôle obtient exactement ce que la table prévoit', async () => {
    const failures: string[] = [];
    for (const route of platform.app.routeRegistry) {
      const key = `${route.method} ${route.url}`;
      const row = MATRIX[key];
      if (!row) continue;
      // Denied callers first: a refused write must change nothing the allowed callers then rely on.
      const order = [...WHO].sort((a, b) => Number(row.allow.includes(a)) - Number(row.allow.includes(b)));
      for (const who of order) {
        const allowed = row.allow.includes(who);
        const body = row.body?.(fixtures, who);
        const res = await platform.app.inject({
          method: route.method as 'GET',
          url: row.url(fixtures),
          headers: await headersFor(who, row.fresh ?? false),
          ...(body !== undefined ? { payload: body as object } : {}),
        });
        const s = res.statusCode;
        const ok = allowed
          ? (row.okStatuses ?? []).includes(s) || (s < 500 && s !== 401 && s !== 403 && s !== 404)
          : who === 'anonyme'
            ? s === 401
            : s === 403 || s === 404;
        if (!ok) {
          failures.push(
            `${key} en tant que ${who} : ${s} (attendu : ${allowed ? 'autorisé' : 'refusé'}) ${res.body.slice(0, 140)}`,
          );
        }
        if (!allowed && s < 500) {
          const message = (res.json() as { message?: string }).message ?? '';
          if (!message || /^(Unauthorized|Forbidden|Not Found)/i.test(message)) {
            failures.push(
              `${key} en tant que ${who} : message de refus absent ou non français (« ${message} »)`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
