// Errors that reach users carry a French message saying what and where; anything else becomes a
// generic 500 whose details stay in the server log (never a stack trace or an SQL error for users).

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new HttpError(400, message, details);
export const unauthorized = (
  message = 'Authentification requise : connectez-vous pour accéder à cette ressource.',
) => new HttpError(401, message);
export const forbidden = (message = 'Accès refusé : votre rôle ne permet pas cette opération.') =>
  new HttpError(403, message);
export const notFound = (message: string) => new HttpError(404, message);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new HttpError(409, message, details);
