/** The fake Odoo: XML-RPC and JSON-2 over one in-memory database (server.ts explains the parts). */
export { startFakeOdoo, FAKE_ODOO_UID, type FakeOdoo, type FakeOdooOptions } from './server';
export { OdooStore, type SearchOptions } from './database';
export { OdooFault, type FaultCode } from './errors';
export { FAULT_KINDS, type CallRecord, type FaultKind, type FaultPlan, type FlakyPlan } from './chaos';
export { FAKE_ODOO_VERSIONS, type FakeOdooVersion } from './state';
export type { StoredRecord, StoredValue } from './schema';
export type { XmlRpcStruct, XmlRpcValue } from './values';
