import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../platform/context';
import { requireVisible } from '../platform/http/access';
import { badRequest, HttpError, notFound } from '../platform/http/errors';
import { exportCsv, exportXlsx } from './export';
import { importActions } from './import';
import { type ActionFilters, checkFilters, visibilityFor } from './query';
import { ExportQuery, ImportQuery } from './schemas';
import { tiDirectory } from './territories';

// File routes of the action plans: import (multipart upload, streamed to a temporary file, then
// read row by row) and exports (CSV, XLSX) of any filtered list.

const tags = ['actions'];
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Errors sent back at most (the count is always complete). */
const MAX_ERRORS_SENT = 1000;

export async function actionFileRoutes(app: FastifyInstance, ctx: AppContext) {
  // Encapsulated: multipart parsing only for these routes.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10 } });

    scope.post(
      '/api/v1/actions/import',
      {
        config: { access: 'actions.import' },
        schema: {
          tags,
          summary:
            "Importe un plan d'action (CSV ou XLSX, 10 Mo au plus, champ « fichier ») : dryRun=true pour l'aperçu ; tout ou rien",
          querystring: ImportQuery,
          consumes: ['multipart/form-data'],
        },
      },
      async (request, reply) => {
        const { dryRun = true, ti } = request.query as { dryRun?: boolean; ti?: string };
        if (ti && !(await tiDirectory(ctx)).byId.has(ti))
          throw notFound(`Territoire d'industrie inconnu : « ${ti} ».`);
        if (!request.isMultipart())
          throw new HttpError(
            415,
            'Un envoi de fichier (multipart/form-data, champ « fichier ») est attendu.',
          );
        const part = await request.file();
        if (!part)
          throw badRequest('Aucun fichier reçu : joignez le fichier du plan d’action (CSV ou XLSX).');
        const dir = path.join(tmpdir(), 'pilote-imports');
        await mkdir(dir, { recursive: true });
        const file = path.join(dir, `${randomUUID()}.upload`);
        try {
          try {
            await pipeline(part.file, createWriteStream(file));
          } catch (error) {
            if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || part.file.truncated) {
              throw new HttpError(
                413,
                `Fichier trop volumineux : ${MAX_IMPORT_BYTES / 1024 / 1024} Mo au plus.`,
              );
            }
            throw error;
          }
          if (part.file.truncated) {
            throw new HttpError(
              413,
              `Fichier trop volumineux : ${MAX_IMPORT_BYTES / 1024 / 1024} Mo au plus.`,
            );
          }
          const result = await importActions(ctx, request.ctx, { file, name: part.filename, dryRun, ti });
          const body = {
            ...result,
            errorsTotal: result.errors.length,
            errors: result.errors.slice(0, MAX_ERRORS_SENT),
            message: message(result),
          };
          return reply.status(!dryRun && result.errors.length > 0 ? 422 : 200).send(body);
        } finally {
          await rm(file, { force: true });
        }
      },
    );
  });

  const exportRoute = (format: 'csv' | 'xlsx') =>
    app.get(
      `/api/v1/actions/export.${format}`,
      {
        config: { access: 'actions.read' },
        schema: {
          tags,
          summary:
            format === 'csv'
              ? 'Export CSV (UTF-8 avec BOM, séparateur « ; ») des actions filtrées, réimportable tel quel'
              : 'Export XLSX des actions filtrées, réimportable tel quel',
          querystring: ExportQuery,
        },
      },
      async (request, reply) => {
        const filters = request.query as ActionFilters;
        checkFilters(filters);
        if (filters.ti) {
          const t = (await tiDirectory(ctx)).byId.get(filters.ti);
          if (!t) throw notFound(`Territoire d'industrie inconnu : « ${filters.ti} ».`);
          requireVisible(
            request.ctx.actor,
            'actions.read',
            { territoire: t.id, region: t.regionCode },
            `Plan d'action introuvable pour « ${filters.ti} ».`,
          );
        }
        const visibility = visibilityFor(request.ctx.actor);
        const day = ctx.clock.now().toISOString().slice(0, 10);
        const name = `plan-action-${filters.ti ?? filters.region ?? 'national'}-${day}.${format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        reply.header('cache-control', 'no-store');
        if (format === 'csv') {
          reply.type('text/csv; charset=utf-8');
          return reply.send(await exportCsv(ctx, filters, visibility));
        }
        reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        return reply.send(await exportXlsx(ctx, filters, visibility));
      },
    );
  exportRoute('csv');
  exportRoute('xlsx');
}

function message(r: {
  errors: unknown[];
  dryRun: boolean;
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
}) {
  if (r.errors.length > 0)
    return `${r.errors.length} erreur${r.errors.length > 1 ? 's' : ''} : corrigez le fichier. Aucune action n'a été enregistrée.`;
  const counts = `${r.created} à créer, ${r.updated} à modifier, ${r.unchanged} inchangée${r.unchanged > 1 ? 's' : ''}`;
  if (r.dryRun) return `Aperçu : ${counts}. Rien n'est encore enregistré.`;
  return `Import effectué : ${r.created} créée${r.created > 1 ? 's' : ''}, ${r.updated} modifiée${r.updated > 1 ? 's' : ''}, ${r.unchanged} inchangée${r.unchanged > 1 ? 's' : ''}.`;
}
