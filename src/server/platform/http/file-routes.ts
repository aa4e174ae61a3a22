import type { FastifyInstance, FastifyReply } from 'fastify';
import { type TSchema, Type } from 'typebox';
import type { ExportFile } from '../files/export-table';
import type { ImportRun } from '../files/import-pipeline';
import type { ImportReport } from '../files/import-report';

// Routes that receive or send a file. Upload routes receive the file itself as the request body
// (Content-Type: text/csv, the XLSX type or application/octet-stream; `curl --data-binary
// @laureats.xlsx`), which the web page sends with fetch(file). Their body parser lives in an
// encapsulated scope so that it does not change other modules' routes.

export const UPLOAD_LIMIT = 10 * 1024 * 1024;

export const ImportQuery = Type.Object({
  simulation: Type.Optional(
    Type.Boolean({ default: false, description: 'Vérifier et prévisualiser sans rien enregistrer' }),
  ),
  nom: Type.Optional(
    Type.String({ maxLength: 200, description: 'Nom du fichier (aide à reconnaître le format)' }),
  ),
});

export const ExportQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' })),
});

/** The uploaded bytes; a missing body gives an empty file (the importers' French 400). */
export function uploadedBytes(body: unknown): Uint8Array {
  if (body instanceof Uint8Array && body.length > 0) return body;
  if (typeof body === 'string' && body.length > 0) return Buffer.from(body, 'utf8');
  return new Uint8Array();
}

/** Sends an import report: 422 when a real import was refused because of errors. */
export function sendReport(reply: FastifyReply, report: ImportReport) {
  return reply.status(!report.simulation && report.erreurs.length > 0 ? 422 : 200).send({
    ...report,
    message: report.erreurs.length
      ? `${report.erreurs.length} erreur(s) : rien n'a été importé. Corrigez le fichier puis réessayez.`
      : report.simulation
        ? `Simulation : ${report.valides} ligne(s) valide(s), rien n'a été enregistré.`
        : `${report.enregistres} ligne(s) importée(s).`,
  });
}

export function sendFile(reply: FastifyReply, file: ExportFile) {
  return reply
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .header('cache-control', 'no-store')
    .type(file.contentType)
    .send(file.body);
}

/** The query of an upload route, as validated by its schema. */
export type ImportQueryValue = { simulation?: boolean; nom?: string } & Record<string, unknown>;

export interface ImportRoute {
  url: string;
  summary: string;
  /** The querystring: `ImportQuery` unless the route takes more. */
  querystring?: TSchema;
  /** The file's name when the query gives none (`nom`). */
  fichier: string;
  run(data: Uint8Array, fichier: string, run: ImportRun, query: ImportQueryValue): Promise<ImportReport>;
}

/**
 * Upload routes of a module (national delegation only): the file in the body, `simulation` and
 * `nom` in the query, the import report as the answer.
 */
export async function importRoutes(app: FastifyInstance, tags: string[], routes: ImportRoute[]) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    for (const route of routes)
      scope.post(
        route.url,
        {
          config: { access: 'national' },
          schema: { tags, summary: route.summary, querystring: route.querystring ?? ImportQuery },
        },
        async (request, reply) => {
          const q = request.query as ImportQueryValue;
          const run = { simulation: q.simulation ?? false, who: request.ctx };
          return sendReport(
            reply,
            await route.run(uploadedBytes(request.body), q.nom ?? route.fichier, run, q),
          );
        },
      );
  });
}
