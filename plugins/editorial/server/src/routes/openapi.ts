import { closedObject, object } from '@magnetiq/plugin-kit/openapi';
import { booleanType, dateTime, integerType, nullableString, stringType } from '@magnetiq/plugin-kit/openapi';

/**
 * The OpenAPI description of every route handler of the editorial plugin (cms/src/openapi builds
 * the document). Inputs are parsed by hand (controllers/admin.ts, domain/release.ts,
 * domain/workflow.ts): change these schemas with them.
 */
const id = { type: 'integer', minimum: 1 };
const uid = { type: 'string', description: 'a content type uid, e.g. api::page.page' };
const documentId = { type: 'string', pattern: '^[a-z0-9]{1,64}$' };
const locale = { type: 'string', maxLength: 35, description: 'a configured locale code; none for types without i18n' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const paging = {
  page: { type: 'integer', minimum: 1, default: 1 },
  pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
};
const pagination = object(['pagination'], {
  pagination: object(['page', 'pageSize', 'total', 'pageCount'], {
    page: integerType,
    pageSize: integerType,
    total: integerType,
    pageCount: integerType,
  }),
});

/** services/versions.ts `toVersion` */
const version = closedObject(
  ['id', 'uid', 'documentId', 'locale', 'status', 'action', 'restoredFrom', 'createdBy', 'createdAt'],
  {
    id: integerType,
    uid,
    documentId: stringType,
    locale: nullableString,
    status: { type: 'string', enum: ['draft', 'published'] },
    action: {
      type: 'string',
      description: 'create, update, publish, restore, discard-draft',
    },
    restoredFrom: { type: ['integer', 'null'] },
    createdBy: {
      anyOf: [{ type: 'null' }, closedObject(['id', 'name'], { id: integerType, name: nullableString })],
    },
    createdAt: dateTime,
  },
);

/** domain/diff.ts `FieldChange` */
const fieldChange = object(['path', 'type', 'change', 'before', 'after'], {
  path: stringType,
  type: stringType,
  change: { type: 'string', enum: ['added', 'removed', 'changed'] },
  before: {},
  after: {},
  text: {
    type: 'array',
    items: object(['value'], { value: stringType, added: booleanType, removed: booleanType }),
  },
  added: { type: 'array', items: { type: ['string', 'integer'] } },
  removed: { type: 'array', items: { type: ['string', 'integer'] } },
});

const stage = object(['name', 'roles'], {
  name: { type: 'string', maxLength: 100 },
  roles: { type: 'array', items: stringType, description: 'admin role codes allowed to move entries here' },
  notifyAssignee: booleanType,
});

/** domain/workflow.ts `TypeSettings` */
const settings = closedObject(['uid', 'history', 'review', 'stages', 'resetOnEdit'], {
  uid,
  history: booleanType,
  review: booleanType,
  stages: { type: 'array', items: stage },
  resetOnEdit: booleanType,
});

/** services/stages.ts `EntryStage` */
const entryStage = closedObject(['uid', 'documentId', 'locale', 'stage', 'assigneeId', 'updatedAt'], {
  uid,
  documentId: stringType,
  locale: nullableString,
  stage: stringType,
  assigneeId: { type: ['integer', 'null'] },
  updatedAt: nullableDateTime,
});

const releaseAction = closedObject(['uid', 'documentId', 'locale', 'type'], {
  uid,
  documentId,
  locale: nullableString,
  type: { type: 'string', enum: ['publish', 'unpublish'] },
});

/** services/releases.ts `toRelease` */
const release = closedObject(
  [
    'id',
    'name',
    'status',
    'scheduledAt',
    'timeZone',
    'runs',
    'error',
    'startedAt',
    'finishedAt',
    'createdAt',
    'actions',
  ],
  {
    id: integerType,
    name: stringType,
    status: { type: 'string', enum: ['open', 'scheduled', 'running', 'done', 'failed'] },
    scheduledAt: nullableDateTime,
    timeZone: nullableString,
    runs: { type: 'integer', description: 'how many times an instance claimed it (1 after a normal run)' },
    error: { type: ['string', 'null'], description: 'why the last run failed (nothing of it was applied)' },
    startedAt: nullableDateTime,
    finishedAt: nullableDateTime,
    createdAt: dateTime,
    actions: { type: 'array', items: releaseAction },
  },
);

const auditQuery = object([], {
  user: { type: 'integer', minimum: 1, description: 'an admin user id' },
  action: { type: 'string', description: 'an action, e.g. content.publish, or a prefix such as content.*' },
  type: { type: 'string', description: 'a subject type, e.g. api::page.page' },
  from: { type: 'string', description: 'YYYY-MM-DD or an ISO date-time' },
  to: { type: 'string', description: 'YYYY-MM-DD (that day included) or an ISO date-time' },
});

/** the leads contract's `AuditEntry` */
const auditEntry = closedObject(
  ['id', 'actorId', 'actorEmail', 'action', 'subjectType', 'subjectId', 'details', 'occurredAt'],
  {
    id: integerType,
    actorId: { type: ['integer', 'null'] },
    actorEmail: nullableString,
    action: stringType,
    subjectType: stringType,
    subjectId: stringType,
    details: { type: ['object', 'null'] },
    occurredAt: dateTime,
  },
);

export default {
  'admin.auditLog': {
    summary: 'The audit log, filtered by user, action, type and date, newest first',
    query: {
      ...auditQuery,
      properties: {
        ...auditQuery.properties,
        page: paging.page,
        pageSize: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
      },
    },
    data: { type: 'array', items: auditEntry },
    meta: pagination,
  },
  'admin.auditLogExport': {
    summary: 'The filtered audit log as CSV',
    query: auditQuery,
    produces: 'text/csv',
  },
  'admin.listVersions': {
    summary:
      'Versions of one document and locale (uid and documentId), else of every type the user reads; newest first',
    query: object([], { uid, documentId, locale, ...paging }),
    data: { type: 'array', items: version },
    meta: pagination,
  },
  'admin.getVersion': {
    summary: "One version's data, the current draft and the field-by-field diff from the version to it",
    params: { id },
    data: {
      ...version,
      required: [...(version.required ?? []), 'data', 'current', 'diff'],
      properties: {
        ...version.properties,
        data: { type: 'object', description: 'the fields the user may read' },
        current: { type: ['object', 'null'], description: 'the current draft; null when the document is gone' },
        diff: { type: 'array', items: fieldChange },
      },
    },
  },
  'admin.restoreVersion': {
    summary: 'Writes a version as the new draft (never published); the restore is a version itself',
    params: { id },
    data: { anyOf: [{ type: 'null' }, version] },
    meta: object(['restoredFrom', 'dropped', 'missing'], {
      restoredFrom: integerType,
      dropped: { type: 'array', items: stringType, description: 'fields no longer in the schema: skipped' },
      missing: {
        type: 'array',
        description: 'relations to deleted entries and deleted media: left out',
        items: object(['path', 'kind'], {
          path: stringType,
          kind: { type: 'string', enum: ['relation', 'media'] },
          target: stringType,
          documentId: stringType,
          id: integerType,
        }),
      },
    }),
  },
  'admin.listSettings': {
    summary: 'History and review settings of every content type',
    data: { type: 'array', items: settings },
  },
  'admin.updateSettings': {
    summary: 'Switches history and review stages on or off for one content type',
    body: closedObject(['uid'], {
      uid,
      history: booleanType,
      review: booleanType,
      resetOnEdit: booleanType,
      stages: { type: 'array', minItems: 2, maxItems: 10, items: stage },
    }),
    data: settings,
  },
  'admin.getStage': {
    summary:
      'The review stage of one entry (uid and documentId, with its type’s stages), else every entry past its first stage',
    query: object([], { uid, documentId, locale }),
    data: { anyOf: [entryStage, { type: 'array', items: entryStage }] },
    meta: {
      type: 'object',
      description: 'for one entry: whether review is on for its type, and the stages',
      properties: { review: booleanType, stages: { type: 'array', items: stage } },
    },
  },
  'admin.setStage': {
    summary: 'Moves an entry into a review stage and sets its assignee (In review emails the assignee)',
    body: closedObject(['uid', 'documentId', 'stage'], {
      uid,
      documentId,
      locale,
      stage: { type: 'string', maxLength: 100 },
      assigneeId: { type: ['integer', 'null'], minimum: 1 },
    }),
    data: entryStage,
  },
  'admin.myReviews': {
    summary: 'Entries waiting for my review',
    data: { type: 'array', items: entryStage },
  },
  'admin.listReleases': {
    summary: 'Releases, newest first',
    query: object([], {
      status: { type: 'string', enum: ['open', 'scheduled', 'running', 'done', 'failed'] },
      ...paging,
    }),
    data: { type: 'array', items: release },
    meta: pagination,
  },
  'admin.createRelease': {
    summary: 'A new release: entries to publish or unpublish together',
    status: 201,
    body: closedObject(['name', 'actions'], {
      name: { type: 'string', minLength: 1, maxLength: 200 },
      actions: {
        type: 'array',
        minItems: 1,
        maxItems: 100,
        items: { ...releaseAction, required: ['uid', 'documentId', 'type'] },
      },
    }),
    data: release,
  },
  'admin.getRelease': { summary: 'One release with its actions', params: { id }, data: release },
  'admin.scheduleRelease': {
    summary: 'Schedules a release; at that time all its actions run in one transaction',
    params: { id },
    body: closedObject(['scheduledAt'], {
      scheduledAt: {
        type: 'string',
        description: 'ISO 8601 with an offset, or a local date-time read in timeZone',
      },
      timeZone: { type: 'string', description: 'IANA time zone of the editor, e.g. Europe/Berlin' },
    }),
    data: release,
  },
};
