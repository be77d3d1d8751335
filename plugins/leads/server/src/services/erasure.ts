import type { Knex } from 'knex';

/**
 * What a plugin's eraser gets when a contact is erased (GDPR Art. 17). Every eraser runs inside
 * the erase transaction: its writes commit or roll back with the contact's own.
 */
export interface ErasedContact {
  contactId: number;
  contactDocumentId: string;
  /** the normalised address before the erase: only to find copies of it, never to store */
  email: string;
  /** what stands in for the address from now on (erased-<hash>@erased.invalid) */
  placeholderEmail: string;
  trx: Knex.Transaction;
  now: Date;
  /**
   * Scrubs outbox rows whose idempotency key contains one of `references` (e.g. the booking ids
   * of host emails and calendar events, which carry no contact id), and the email-log rows of
   * those deliveries: payload and text gone, pending or dead rows closed undelivered. Call it
   * before enqueueing new messages whose keys contain the same references.
   */
  scrubDeliveries(references: string[]): Promise<number>;
}

/** A plugin's part of the erase; registered in bootstrap with `contacts.onErase`. */
export type ContactEraser = (erased: ErasedContact) => Promise<unknown>;
