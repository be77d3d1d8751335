import type { OdooProtocol } from '../domain/protocol';

/** A domain in Odoo's prefix notation: leaves [field, operator, value], '&' '|' '!' operators. */
export type DomainTerm = '&' | '|' | '!' | readonly [string, string, unknown];
export type Domain = readonly DomainTerm[];

/** Field values of create/write: scalars, false to unset, many2many commands. */
export type Values = Record<string, unknown>;

export interface SearchOptions {
  limit?: number;
  offset?: number;
  order?: string;
}

/** The user behind the credentials, for the admin's connection test. */
export interface OdooIdentity {
  uid: number;
  name: string;
  login: string;
}

/**
 * The ORM methods the sync, the erase and the stage read-back use, over one of Odoo's external
 * APIs. Implementations throw what the API throws (an XML-RPC fault, an OdooHttpError, a socket
 * error): services/client.ts classifies it (domain/faults.ts), so both protocols share one
 * retry / permanent / circuit-breaker policy.
 */
export interface OdooTransport {
  readonly protocol: OdooProtocol;
  search(model: string, domain: Domain, options?: SearchOptions): Promise<number[]>;
  searchRead<T extends { id: number }>(
    model: string,
    domain: Domain,
    fields: string[],
    options?: SearchOptions,
  ): Promise<T[]>;
  read<T extends { id: number }>(model: string, ids: number[], fields: string[]): Promise<T[]>;
  create(model: string, values: Values): Promise<number>;
  /** One create for many records (Odoo's create takes a list of values: @api.model_create_multi); their ids in order. */
  createMany(model: string, valuesList: Values[]): Promise<number[]>;
  write(model: string, ids: number[], values: Values): Promise<boolean>;
  unlink(model: string, ids: number[]): Promise<boolean>;
  /** Authenticates and reads the API user (the connection test). */
  identity(): Promise<OdooIdentity>;
}

export interface TransportOptions {
  url: string;
  db: string;
  username: string;
  apiKey: string;
  timeoutMs: number;
}

/** The ids a create with a list of values answered: one number per record, in order, or an error. */
export function createdIds(model: string, answer: unknown, expected: number): number[] {
  const ids = Array.isArray(answer) ? answer : [answer];
  if (ids.length !== expected || !ids.every((id) => typeof id === 'number'))
    throw new Error(`Odoo answered create on ${model} with ${JSON.stringify(answer)} for ${expected} record(s)`);
  return ids as number[];
}

/** Any of the leaves, in Odoo's prefix notation: n - 1 '|' before n leaves (none: no term, i.e. no condition). */
export const anyOf = (leaves: ReadonlyArray<readonly [string, string, unknown]>): DomainTerm[] => [
  ...Array.from({ length: Math.max(0, leaves.length - 1) }, () => '|' as const),
  ...leaves,
];
