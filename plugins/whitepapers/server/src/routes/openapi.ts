import { object } from '@magnetiq/plugin-kit/openapi';
import { booleanType, integerType, stringType } from '@magnetiq/plugin-kit/openapi';
import { requestSchema, whitepaperInputSchema } from '../validation/request';
import * as schema from '@magnetiq/plugin-kit/openapi';
import { DOCUMENT_ID } from '@magnetiq/plugin-kit/server';

/**
 * The OpenAPI description of every route handler of this plugin (cms/src/openapi builds the
 * document from it and the routes): request schemas are the ones the routes validate with,
 * `data` describes the `{ data, meta }` answer in JSON Schema (papers service `toPublic`).
 */
const slug = { type: 'string', maxLength: 200 };

/** papers service `toPublic`: the CMS's LocalizedEntry fields (cms/src/openapi/document.ts) and these */
const publicWhitepaper = schema.localizedEntry(
  {
    cover: schema.media,
    pageCount: { type: ['integer', 'null'] },
    topics: { type: 'array', items: stringType },
    gated: booleanType,
    requiredFields: { type: 'array', items: stringType },
    fileUrl: { ...schema.nullableString, description: 'only for papers that are not gated' },
  },
  ['gated', 'fileUrl'],
);

export default {
  'public.list': {
    summary: 'Published whitepapers of a locale',
    query: schema.localeQuery,
    data: { type: 'array', items: publicWhitepaper },
  },
  'public.detail': {
    summary: 'One published whitepaper',
    params: { slug },
    query: schema.localeQuery,
    data: publicWhitepaper,
  },
  'preview.findOne': {
    summary:
      'One whitepaper in any status, a never-published draft too: for the preview server, with an API token only',
    params: { documentId: { type: 'string', pattern: DOCUMENT_ID.source } },
    query: object([], {
      locale: schema.locale,
      status: { type: 'string', enum: ['draft', 'published'], default: 'draft' },
    }),
    data: publicWhitepaper,
  },
  'public.openFile': {
    summary: 'The PDF of a paper that is not gated',
    params: { slug },
    query: schema.localeQuery,
    produces: 'application/pdf',
  },
  'public.request': {
    summary:
      'The whitepaper form: the download link is sent by email (or answered at once when the paper is not gated)',
    body: requestSchema,
    status: 201,
    data: {
      ...schema.receivedAnswer,
      properties: { ...schema.receivedAnswer.properties, downloadUrl: stringType },
    },
  },
  'public.download': {
    summary: 'The signed download link from the email (403 invalid, 410 expired)',
    params: { token: stringType },
    produces: 'application/pdf',
    htmlErrors: true,
  },
  'admin.list': {
    summary: 'Whitepapers with their request counts',
    data: schema.objectList,
  },
  'admin.create': {
    summary: 'Creates a whitepaper (the file is uploaded separately)',
    body: whitepaperInputSchema,
    status: 201,
    data: schema.createdAnswer,
  },
  'admin.uploadFile': {
    summary: "Stores a whitepaper's PDF (checked by content)",
    params: { documentId: stringType },
    body: object(['file'], { file: { type: 'string', contentMediaType: 'application/pdf' } }),
    bodyTypes: ['multipart/form-data'],
    data: object([], { fileName: stringType, fileSize: integerType }),
  },
  'admin.stats': { summary: 'Requests and downloads of a whitepaper', params: { documentId: stringType } },
  'admin.exportLeads': {
    summary: "A whitepaper's leads as CSV",
    params: { documentId: stringType },
    produces: 'text/csv',
  },
};
