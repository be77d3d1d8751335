import { errors } from '@strapi/utils';
import { cleanTexts } from '../domain/text-hygiene';

/**
 * In front of every public route whose path parameters or query string reach PostgreSQL text
 * (slugs, document ids, tokens): the same hygiene as form bodies. A NUL in `?token=` or
 * `/papers/:slug` is a 400 naming the parameter, not a 500 from the database.
 */
export default () => async (ctx: any, next: () => Promise<void>) => {
  // the router also keeps each capture under its index ("0"): check the named parameters only
  const named = Object.fromEntries(Object.entries(ctx.params ?? {}).filter(([name]) => !/^\d+$/.test(name)));
  const problems = [...cleanTexts(named).problems, ...cleanTexts(ctx.query ?? {}).problems];
  if (problems.length > 0) {
    throw new errors.ValidationError(problems.length > 1 ? `${problems.length} errors occurred` : problems[0].message, {
      errors: problems.map((problem) => ({ ...problem, name: 'ValidationError', value: null })),
    });
  }
  await next();
};
