import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureMail, deliverPendingMail, sendMail } from '../../src/server/platform/mail';
import { startTestPlatform, type TestPlatform } from '../helpers/platform';
import { startTestSmtpServer } from '../helpers/smtp-server';

let platform: TestPlatform;
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;

beforeAll(async () => {
  platform = await startTestPlatform({ listen: false });
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await platform?.close();
  await smtp?.close();
});

const outboxRow = async (id: number) =>
  (
    await platform.ctx.db.query<{ status: string; attempts: number; last_error: string | null }>(
      'SELECT status, attempts, last_error FROM outbox WHERE id = $1',
      [id],
    )
  ).rows[0];

describe('envoi de courriels', () => {
  it('en mode embarqué, le courriel reste dans la boîte d’envoi', async () => {
    configureMail(platform.ctx, { smtpUrl: undefined });
    const queued = await sendMail(platform.ctx, null, {
      to: 'a@example.fr',
      subject: 'Bonjour',
      text: 'Texte',
    });
    expect(queued.status).toBe('outbox');
    expect((await outboxRow(queued.id))?.status).toBe('outbox');
  });

  it('n’écrit rien quand la transaction de l’appelant est annulée', async () => {
    configureMail(platform.ctx, { smtpUrl: undefined });
    let id = 0;
    await expect(
      platform.ctx.db.transaction(async (tx) => {
        id = (await sendMail(platform.ctx, tx, { to: 'b@example.fr', subject: 'Annulé', text: 'x' })).id;
        throw new Error('annulation');
      }),
    ).rejects.toThrow('annulation');
    expect(await outboxRow(id)).toBeUndefined();
  });

  it('avec SMTP_URL, livre par un vrai serveur SMTP et enregistre le statut', async () => {
    configureMail(platform.ctx, { smtpUrl: smtp.url });
    const queued = await platform.ctx.db.transaction((tx) =>
      sendMail(platform.ctx, tx, {
        to: 'destinataire@example.fr',
        subject: 'Invitation à Pilote TI',
        text: 'Bonjour, voici votre lien.',
        html: '<p>Bonjour, voici votre lien.</p>',
      }),
    );
    expect(queued.status).toBe('pending');
    await deliverPendingMail(platform.ctx);
    // The kick may have delivered it already; either way it is sent exactly once.
    await expect.poll(() => smtp.received.length).toBe(1);
    expect(smtp.received[0]!.to).toEqual(['destinataire@example.fr']);
    expect(smtp.received[0]!.raw).toMatch(/^Subject: .*Pilote/m);
    expect(smtp.received[0]!.raw).toContain('Bonjour, voici votre lien.');
    expect((await outboxRow(queued.id))?.status).toBe('sent');
  });

  it('garde l’erreur et réessaie plus tard quand le serveur SMTP est injoignable', async () => {
    configureMail(platform.ctx, { smtpUrl: 'smtp://127.0.0.1:1' });
    const queued = await sendMail(platform.ctx, null, { to: 'c@example.fr', subject: 'Échec', text: 'x' });
    await deliverPendingMail(platform.ctx);
    await expect.poll(async () => (await outboxRow(queued.id))?.last_error).toBeTruthy();
    const row = await outboxRow(queued.id);
    expect(row?.status).toBe('pending');
    expect(row?.attempts).toBe(1);
  });

  it('refuse une adresse invalide', async () => {
    await expect(
      sendMail(platform.ctx, null, { to: 'pas une adresse', subject: 'x', text: 'x' }),
    ).rejects.toThrow('Adresse électronique invalide');
  });
});
