import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

// Upload routes receive the file itself as the request body (Content-Type: text/csv, the XLSX type or
// application/octet-stream; `curl --data-binary @laureats.xlsx`), which the web page sends with
// fetch(file). The parsers live in an encapsulated scope so that they do not change other modules'
// routes.

export const UPLOAD_LIMIT = 10 * 1024 * 1024;

export async function withUploads(app: FastifyInstance, register: (scope: FastifyInstance) => Promise<void>) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT }, (_request, body, done) =>
      done(null, body),
    );
    await register(scope);
  });
}

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

/** The uploaded bytes; a missing body is a French 400. */
export function uploadedBytes(body: unknown): Uint8Array {
  if (body instanceof Uint8Array && body.length > 0) return body;
  if (typeof body === 'string' && body.length > 0) return Buffer.from(body, 'utf8');
  return new Uint8Array();
}
