/**
 * Values as they travel and as Odoo treats them: the XML-RPC value model (JSON-2 carries the
 * JSON subset of it), Python's truth and repr, and the conversions the ORM applies.
 */
import { pythonError } from './errors';
/** A value as it travels over XML-RPC (dateTime.iso8601 → Date, base64 → Buffer, nil → null). */
export type XmlRpcValue = string | number | boolean | null | Date | Buffer | XmlRpcValue[] | XmlRpcStruct;
export interface XmlRpcStruct {
  [key: string]: XmlRpcValue;
}

export const isStruct = (value: XmlRpcValue | undefined): value is XmlRpcStruct =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  !(value instanceof Date) &&
  !Buffer.isBuffer(value);

/** Python's truth value, which Odoo applies to booleans and flags (0, '', [], {} are false). */
export function pyTruthy(value: XmlRpcValue | undefined): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (isStruct(value)) return Object.keys(value).length > 0;
  return Boolean(value);
}

/** Python's repr(), for error texts that quote values the way Odoo's do. */
export function pyRepr(value: XmlRpcValue | undefined): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    return (
      quote + value.replace(/\\/g, '\\\\').replace(new RegExp(quote, 'g'), `\\${quote}`).replace(/\n/g, '\\n') + quote
    );
  }
  if (value instanceof Date) return pyRepr(toOdooDatetime(value));
  if (Buffer.isBuffer(value)) return `b'${value.toString('latin1')}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${pyRepr(key)}: ${pyRepr(item)}`)
    .join(', ')}}`;
}
export const pyTuple = (items: XmlRpcValue[]) => `(${items.map(pyRepr).join(', ')})`;

// ---------------------------------------------------------------------------------------------
// Value conversion.
// ---------------------------------------------------------------------------------------------

export const pad = (value: number) => String(value).padStart(2, '0');

/** Odoo's datetime format: UTC, no zone, whole seconds. */
export function toOdooDatetime(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}
export const odooNow = () => toOdooDatetime(new Date());

/** A datetime given in a domain: a Date, 'YYYY-MM-DD HH:MM:SS' or a bare 'YYYY-MM-DD' (midnight). */
export function datetimeOperand(value: XmlRpcValue): XmlRpcValue {
  if (value instanceof Date) return toOdooDatetime(value);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value} 00:00:00`;
  return value;
}

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A small part of Odoo's html_sanitize, enough for what a sync writes: plain text becomes one
 * paragraph ("yop" → "<p>yop</p>", Odoo's own test case), markup keeps its tags minus scripts.
 * So a client that writes text and reads it back sees what it would see from a real Odoo.
 */
export function sanitizeHtml(value: string): string {
  if (value === '') return '';
  if (!/<[a-zA-Z/!]/.test(value)) return `<p>${escapeHtml(value)}</p>`;
  return value.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '');
}

/** Ids as Odoo's browse() takes them: one id, a list of ids, or nothing. */
export function toIds(value: XmlRpcValue | undefined): number[] {
  if (value === undefined || value === null || value === false) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => {
    if (typeof item === 'number' && Number.isInteger(item)) return item;
    if (typeof item === 'string' && /^-?\d+$/.test(item)) return Number(item); // XML-RPC i8 arrive as strings
    throw pythonError(`TypeError: Invalid id ${pyRepr(item)}: ids must be integers`);
  });
}

/** offset/limit: XML-RPC has no None, and odoo-await sends an empty <value/> for undefined. */
export function optionalInt(value: XmlRpcValue | undefined): number | null {
  if (value === undefined || value === null || value === false || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(number)) throw pythonError(`TypeError: ${pyRepr(value)} is not an integer`);
  return number;
}
