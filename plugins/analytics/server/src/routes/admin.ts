import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /overview admin.overview ${ACTIONS.read}
  GET /export/:table admin.export ${ACTIONS.read}
`;
