/**
 * Errors the leads outbox understands from a handler (duck typing, see the leads outbox): a plugin
 * cannot share the leads classes at run time, as each plugin bundles its own copy of its imports.
 * - permanent: no retry, the message is dead at once;
 * - retryLater: counts as an attempt, next try not before retryAfterMs (e.g. a 429's Retry-After);
 * - defer: not an attempt (the other side is not configured or down), try again after deferMs.
 */
export type DeliveryError = Error & { permanent?: true; retryAfterMs?: number; deferMs?: number };

export const deliveryErrors = {
  permanent: (message: string): DeliveryError => Object.assign(new Error(message), { permanent: true as const }),
  retryLater: (message: string, retryAfterMs: number): DeliveryError =>
    Object.assign(new Error(message), { retryAfterMs }),
  defer: (message: string, deferMs: number): DeliveryError => Object.assign(new Error(message), { deferMs }),
};
