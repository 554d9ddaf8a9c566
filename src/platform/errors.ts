import type { MessageKey } from './i18n/i18n.ts';

/**
 * An error the client can act on. `code` is the stable PascalCase code of the JSON error body;
 * `messageKey` points into the message catalogue so the text is translated.
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    readonly messageKey: MessageKey,
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }
}

// "Not found" for both missing and forbidden objects (ARCHITECTURE §4).
export const notFound = () => new AppError(404, 'NotFound', 'error.notFound');
export const forbidden = () => new AppError(403, 'Forbidden', 'error.forbidden');
export const unauthorized = () => new AppError(401, 'Unauthorized', 'error.unauthorized');
/** A well-formed request the rules refuse (a step that does not fit, a name already taken): 422. */
export const refused = (code: string, key: MessageKey) => new AppError(422, code, key);
/**
 * In a route's `catch`: a refusal (422) comes through to be shown next to its field; anything else is
 * thrown on, to the error handler.
 */
export function rethrowUnlessRefused(err: unknown): asserts err is AppError {
  if (!(err instanceof AppError) || err.statusCode !== 422) throw err;
}
export const badRequest = (code = 'BadRequest', key: MessageKey = 'error.badRequest') =>
  new AppError(400, code, key);
