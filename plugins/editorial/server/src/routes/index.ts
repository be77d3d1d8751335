import admin from './admin';
import openapi from './openapi';

// `openapi`: the description of each handler, read by the CMS's OpenAPI document (cms/src/openapi)
export default { admin: { ...admin, openapi } };
