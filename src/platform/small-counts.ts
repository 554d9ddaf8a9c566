import { z } from 'zod';

// Small counts are never published (ARCHITECTURE §4, public tier): anything below 5, zero included,
// reads "< 5", so a count cannot point at a family, a school or a sender.

export const SMALL_COUNT = '< 5';
export type PublicCount = number | typeof SMALL_COUNT;
export const publicCount = (n: number): PublicCount => (n < 5 ? SMALL_COUNT : n);

/** A published count in the API's response schemas. */
export const publicCountSchema = z.union([z.number().int().min(5), z.literal(SMALL_COUNT)]);
