// Checks for the profile page's forms: plain data in, message keys out (unit-tested apart from views).
import type { ContactFields } from '../../db/contacts';
import type { NoteFields, VisitFields } from '../../db/accountLog';
import type { AccountProfile } from '../../db/schema';
import type { MessageKey } from '../../i18n/i18n.svelte';

export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

/** Longest text kept in one profile field (notes can be longer). */
export const MAX_FIELD = 2000;
export const MAX_NOTES = 20000;

const WEBSITE =
  /^(https?:\/\/)?[a-z0-9\u00a1-\uffff][a-z0-9\u00a1-\uffff-]*(\.[a-z0-9\u00a1-\uffff-]+)+(:\d{1,5})?([/?#]\S*)?$/iu;

/** '' is fine (not known); otherwise a host with a dot, optionally with http(s):// and a path. */
export function isWebsite(text: string): boolean {
  const value = text.trim();
  return value === '' || WEBSITE.test(value);
}

/** A safe link for a valid website (always http/https), or null. */
export function websiteHref(text: string): string | null {
  const value = text.trim();
  if (value === '' || !WEBSITE.test(value)) return null;
  return /^https?:\/\//i.test(value) ? value : `https://${value}`;
}

export type ProfileForm = AccountProfile & { notes: string };
export type ProfileField = keyof ProfileForm;

/** The error of one company-profile field, or null. `label` names the field in messages. */
export function profileFieldError(
  field: ProfileField,
  value: string,
  label: string,
): FieldError | null {
  const max = field === 'notes' ? MAX_NOTES : MAX_FIELD;
  if (value.length > max) return { key: 'profile.error.tooLong', params: { field: label, max } };
  if (field === 'website' && !isWebsite(value)) return { key: 'profile.error.website' };
  return null;
}

export type ContactErrors = Partial<Record<'name' | 'email' | 'influence', FieldError>>;

/** Influence as typed ('' = not judged) → 1–5 or null; undefined when it is not valid. */
export function parseInfluence(text: string): number | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

export function contactErrors(fields: ContactFields, influenceText: string): ContactErrors {
  const errors: ContactErrors = {};
  if (fields.name.trim() === '') errors.name = { key: 'profile.error.nameRequired' };
  const email = fields.email.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email))
    errors.email = { key: 'profile.error.email' };
  if (parseInfluence(influenceText) === undefined) {
    errors.influence = { key: 'profile.error.influence' };
  }
  return errors;
}

/** Trims what was typed; a contact is stored as the user meant it, without stray spaces. */
export function cleanContact(fields: ContactFields, influenceText: string): ContactFields {
  return {
    ...fields,
    name: fields.name.trim(),
    title: fields.title.trim(),
    department: fields.department.trim(),
    phone: fields.phone.trim(),
    email: fields.email.trim(),
    influence: parseInfluence(influenceText) ?? null,
  };
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function noteErrors(fields: NoteFields): Partial<Record<'date' | 'text', FieldError>> {
  const errors: Partial<Record<'date' | 'text', FieldError>> = {};
  if (!ISO.test(fields.date)) errors.date = { key: 'profile.error.dateRequired' };
  if (fields.text.trim() === '') errors.text = { key: 'profile.error.textRequired' };
  return errors;
}

export function visitErrors(fields: VisitFields): Partial<Record<'date' | 'visitor', FieldError>> {
  const errors: Partial<Record<'date' | 'visitor', FieldError>> = {};
  if (!ISO.test(fields.date)) errors.date = { key: 'profile.error.dateRequired' };
  if (fields.visitor.trim() === '') errors.visitor = { key: 'profile.error.visitorRequired' };
  return errors;
}
