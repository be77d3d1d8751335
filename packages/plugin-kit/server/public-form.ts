/**
 * The flow every public lead form runs before its plugin does anything (contact form, whitepaper
 * request, webinar registration, booking): rate limit per client IP, validate the body (a clear
 * 400 that changes nothing), rate limit per email, then tell whether the honeypot caught a bot.
 * The caller answers a bot exactly as it answers a person, so a bot learns nothing.
 */
export interface PublicFormRequest {
  request: { ip: string; body?: unknown };
  set(field: string, value: string): void;
}

/** The leads core's rate limit for one form (its `rate-limit` service's `checkRequest`): throws a 429 with Retry-After. */
export type FormRateLimit = (
  ctx: PublicFormRequest,
  form: string,
  keys: { ip?: string; email?: string },
) => Promise<void>;

export interface PublicForm<B extends { email: string; website?: string | null }> {
  /** the rate-limit bucket, e.g. "whitepaper" */
  name: string;
  rateLimit: FormRateLimit;
  validate: (body: unknown) => Promise<B>;
  /** how the email is keyed for the limit and passed on (default: trimmed, lower case) */
  normaliseEmail?: (email: string) => string;
}

export interface AcceptedForm<B> {
  /** the validated body with the normalised email */
  input: B;
  /** the hidden `website` field was filled in: drop the request, answer as for a person */
  honeypot: boolean;
}

export async function acceptPublicForm<B extends { email: string; website?: string | null }>(
  ctx: PublicFormRequest,
  form: PublicForm<B>,
): Promise<AcceptedForm<B>> {
  await form.rateLimit(ctx, form.name, { ip: ctx.request.ip });
  const body = await form.validate(ctx.request.body ?? {});
  const email = (form.normaliseEmail ?? ((value: string) => value.trim().toLowerCase()))(body.email);
  await form.rateLimit(ctx, form.name, { email });
  return { input: { ...body, email }, honeypot: Boolean(body.website) };
}
