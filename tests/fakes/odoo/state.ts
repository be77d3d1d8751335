import type http from 'node:http';
import type { CallRecord, Chaos } from './chaos';
import type { OdooStore } from './database';

/** The Odoo major versions the fake can pretend to be (JSON-2 from 19 on). */
export type FakeOdooVersion = 17 | 18 | 19;
export const FAKE_ODOO_VERSIONS: readonly FakeOdooVersion[] = [17, 18, 19];

export const versionInfo = (major: FakeOdooVersion) => ({
  server_version: `${major}.0`,
  server_version_info: [major, 0, 0, 'final', 0, ''],
  server_serie: `${major}.0`,
  protocol_version: 1,
});

/** What both protocol handlers share: one database, one fault plan, one record of calls. */
export interface FakeOdooState {
  db: string;
  login: string;
  /** the API key: XML-RPC's password and JSON-2's bearer token */
  password: string;
  uid: number;
  version: FakeOdooVersion;
  store: OdooStore;
  chaos: Chaos;
  calls: CallRecord[];
}

/** No answer at all: the client sees the connection reset, as with an unreachable or crashed host. */
export const drop = (req: http.IncomingMessage): void => {
  req.socket.destroy();
};

/** A slow Odoo: the call is applied at once, its answer comes late (a client may time out first). */
export const lateness = (state: FakeOdooState) =>
  state.chaos.slowMs > 0
    ? new Promise((resolve) => setTimeout(resolve, state.chaos.slowMs).unref())
    : Promise.resolve();
