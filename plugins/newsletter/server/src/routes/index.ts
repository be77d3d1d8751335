import admin from './admin';
import contentApi from './content-api';
import openapi from './openapi';

// `openapi`: the description of each handler, read by the CMS's OpenAPI document (cms/src/openapi)
export default { 'content-api': { ...contentApi, openapi }, admin: { ...admin, openapi } };
