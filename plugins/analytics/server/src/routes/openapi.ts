import { object } from '@magnetiq/plugin-kit/openapi';
import { stringType } from '@magnetiq/plugin-kit/openapi';
import { INTERVALS } from '../domain/range';

/**
 * The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the
 * document). The range query is parsed by hand (domain/range.ts): change this schema with it.
 */
const range = object([], {
  from: { type: 'string', format: 'date' },
  to: { type: 'string', format: 'date' },
  locale: { type: 'string', default: 'all', description: 'a configured locale code, or all' },
  interval: { type: 'string', enum: [...INTERVALS], default: 'day' },
});

export default {
  'admin.overview': { summary: 'The dashboard: every section for a range, locale and interval', query: range },
  'admin.export': {
    summary: 'One analytics table as CSV',
    params: { table: stringType },
    query: range,
    produces: 'text/csv',
  },
};
