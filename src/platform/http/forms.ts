import { z } from 'zod';
import { isMessageKey, type Translate } from '../i18n/i18n.ts';

/** What a urlencoded form may carry: strings, or lists of strings for repeated fields. */
export const formBody = z.record(
  z.string(),
  z.union([z.string().max(10_000), z.array(z.string().max(10_000)).max(100)]),
);
export type FormBody = z.infer<typeof formBody>;

export type FieldErrors = Record<string, string>;

/** `values` are the submitted strings, to refill the form when it is shown again. */
export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Validates a form with a zod schema whose messages are catalogue keys, and returns translated
 * field errors so the page can show them next to the fields and in the error summary.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  t: Translate,
): FormResult<z.infer<S>> {
  const values: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') values[k] = v;
  }
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    // A custom issue may carry parameters for its message, such as the line a mistake is on.
    const params = 'params' in issue ? (issue.params as Record<string, string | number>) : undefined;
    errors[field] = t(isMessageKey(issue.message) ? issue.message : 'validation.invalid', params);
  }
  return { ok: false, errors, values };
}

/** A posted form as it was sent (lists for repeated fields), without its CSRF token: to show it again. */
export const submittedValues = (body: FormBody): FormBody =>
  Object.fromEntries(Object.entries(body).filter(([k]) => k !== '_csrf'));

// Reusable field rules; messages are catalogue keys.

/** Checkboxes sharing a name: absent (none ticked), one value, or several; always a list. */
export const checkboxValues = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))], { message: 'validation.choose' })
    .optional()
    .transform((v): T[number][] => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** One value out of a vocabulary. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { message: 'validation.choose' });
/** Checkboxes of which at least one must be ticked. */
export const atLeastOne = <const T extends readonly [string, ...string[]]>(values: T) =>
  checkboxValues(values).refine((v) => v.length > 0, { message: 'validation.chooseAtLeastOne' });
/** Free text that may be left empty (then null). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: 'validation.tooLong' })
    .optional()
    .transform((v) => v || null);
/** A calendar day as 'YYYY-MM-DD'. */
export const day = z
  .string({ message: 'validation.required' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' })
  .refine((v) => !Number.isNaN(Date.parse(v)), { message: 'validation.date' });

export const requiredText = (max = 200) =>
  z
    .string({ message: 'validation.required' })
    .trim()
    .min(1, { message: 'validation.required' })
    .max(max, { message: 'validation.tooLong' });
export const emailField = z
  .string({ message: 'validation.required' })
  .trim()
  .min(1, { message: 'validation.required' })
  .max(254, { message: 'validation.tooLong' })
  .email({ message: 'validation.email' });
// ASVS 2.1.1/2.1.2: at least 12 characters, at most 128, every character allowed.
export const newPasswordField = z
  .string({ message: 'validation.required' })
  .min(12, { message: 'validation.passwordTooShort' })
  .max(128, { message: 'validation.tooLong' });

/** An e-mail address that may be left empty (then ''). */
export const optionalEmail = z
  .union([z.literal(''), z.string().trim().max(254).email({ message: 'validation.email' })])
  .optional()
  .transform((v) => v ?? '');

/** A message from a visitor without an account ("meld een fout", "een wijziging of opmerking"). */
export const visitorMessageForm = (maxLength: number) =>
  z.object({
    message: z
      .string({ message: 'validation.required' })
      .trim()
      .min(10, { message: 'visitorMessage.tooShort' })
      .max(maxLength, { message: 'validation.tooLong' }),
    email: optionalEmail.transform((v) => v || null),
  });
