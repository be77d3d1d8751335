import { errors } from '@strapi/utils';
import { cleanTexts, textFault, textProblemMessage, type TextProblem } from '../domain/text-hygiene';
import type { RequestContext } from '@magnetiq/plugin-kit/server';

/**
 * Global (cms/config/middlewares.ts, after strapi::query): the hygiene of form bodies for every
 * path and query string, before any route. Path parameters (slugs, document ids, download
 * tokens), query parameters (?token=, ?locale=) and Strapi's own filters reach PostgreSQL text,
 * which refuses NUL: `/api/pages?locale=%00` was a 500 (found by tests/integration/fuzz.test.ts).
 */
export default () => async (ctx: RequestContext, next: () => Promise<void>) => {
  const problems: TextProblem[] = [];
  let path = ctx.path as string;
  try {
    path = decodeURIComponent(path);
  } catch {
    // malformed percent-encoding is the router's to refuse; the raw path has no control characters
  }
  const pathFault = textFault(path);
  if (pathFault) problems.push({ path: ['path'], message: textProblemMessage(pathFault, ['path']) });
  problems.push(...cleanTexts(ctx.query ?? {}).problems);
  if (problems.length > 0) {
    throw new errors.ValidationError(problems.length > 1 ? `${problems.length} errors occurred` : problems[0].message, {
      errors: problems.map((problem) => ({ ...problem, name: 'ValidationError', value: null })),
    });
  }
  await next();
};
