import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000') || containsNul(item, depth + 1)) return true;
  }
  return false;
}

/**
 * PostgreSQL text cannot hold NUL characters: the server refuses them (PGlite silently differs).
 * Refuse them at the door, on every route, as a client error instead of a database failure.
 */
export async function rejectNulCharacters(request: FastifyRequest): Promise<void> {
  if (containsNul(request.params) || containsNul(request.query) || containsNul(request.body)) {
    throw new AppError(400, 'InvalidCharacters', 'error.invalidCharacters');
  }
}
