import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';
import openapi from './openapi';

const admin = adminRoutes`
  GET /connections admin.list ${ACTIONS.connections.manage}
  PUT /connections admin.save ${ACTIONS.connections.manage}
  POST /connections/disconnect admin.disconnect ${ACTIONS.connections.manage}
  POST /oauth/start admin.startOAuth ${ACTIONS.connections.manage}
  POST /oauth/callback admin.completeOAuth ${ACTIONS.connections.manage}
`;

// `openapi`: the description of each handler, read by the CMS's OpenAPI document (cms/src/openapi)
export default { admin: { ...admin, openapi } };
