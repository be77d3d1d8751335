import { winston } from '@strapi/logger';
import { redact, redactFields } from '../src/ops/redact';

/**
 * JSON lines (one object a line: level, message, timestamp, requestId, fields), with email
 * addresses masked and URL tokens, bearer tokens and keys redacted in every message and field.
 * LOG_FORMAT=pretty gives Strapi's coloured development output instead (still redacted).
 */
const requestScope = winston.format((info) => {
  const ctx = (globalThis as any).strapi?.requestContext?.get?.();
  if (ctx?.state?.requestId && info.requestId === undefined) info.requestId = ctx.state.requestId;
  return info;
});

const redaction = winston.format((info) => {
  // access lines are built from the route template and a masked IP only (request-context.ts)
  if (info.type === 'access') return info;
  const redacted = redactFields({ ...info });
  Object.assign(info, redacted);
  if (typeof info.message === 'string') info.message = redact(info.message);
  return info;
});

export default ({ env }: { env: any }) => {
  const pretty = env('LOG_FORMAT', 'json') === 'pretty';
  return {
    level: env('LOG_LEVEL', 'http'),
    format: pretty
      ? winston.format.combine(requestScope(), redaction(), winston.format.colorize(), winston.format.simple())
      : winston.format.combine(
          winston.format.errors({ stack: true }),
          requestScope(),
          redaction(),
          winston.format.timestamp(),
          winston.format.json(),
        ),
    transports: [new winston.transports.Console()],
  };
};
