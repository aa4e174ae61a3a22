// Outgoing email for every module: `sendMail(ctx, tx, { to, subject, text })`.
export { deliverPendingMail, startMailDispatcher } from './dispatcher';
export { type MailMessage, type QueuedMail, sendMail } from './send';
export { configureMail, type MailSettings, mailSettings } from './settings';
