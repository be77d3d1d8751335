import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';
import openapi from './openapi';

const admin = adminRoutes`
  GET /connections admin.list ${ACTIONS.manage}
  PUT /connections admin.save ${ACTIONS.manage}
  POST /connections/disconnect admin.disconnect ${ACTIONS.manage}
  POST /oauth/start admin.startOAuth ${ACTIONS.manage}
  POST /oauth/callback admin.completeOAuth ${ACTIONS.manage}
`;

// `openapi`: the description of each handler, read by the CMS's OpenAPI document (cms/src/openapi)
export default { admin: { ...admin, openapi } };
