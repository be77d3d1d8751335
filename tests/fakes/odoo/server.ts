/**
 * A local stand-in for Odoo's external APIs (versions 17, 18 and 19), following
 * https://www.odoo.com/documentation/17.0/developer/reference/external_api.html,
 * https://www.odoo.com/documentation/19.0/developer/reference/external_api.html and, where the
 * documentation is silent (fault codes, error texts, read formats), Odoo's own server code.
 * One in-memory database (database.ts, the models of schema.ts, the ORM methods of methods.ts)
 * serves both protocols:
 * - XML-RPC (xmlrpc.ts): /xmlrpc/2/common and /xmlrpc/2/object, every version;
 * - JSON-2 (json2.ts): /json/2/<model>/<method> with the API key as bearer token, from 19 on;
 * - GET /web/version: `{version_info, version}` of the version the fake pretends to be
 *   (configurable, and switchable at run time through /__fake/version: an upgrade).
 * Fault injection (chaos.ts) applies to both: outages, slowness, dropped answers, faults,
 * refused credentials, rate limits. Tests in other processes steer it through /__fake/*
 * (control.ts); see tests/fakes/odoo-client.ts.
 */
import { listen, sendJson } from '../http';
import { Chaos } from './chaos';
import { BadRequest, control } from './control';
import { OdooStore } from './database';
import { OdooFault } from './errors';
import { answerJson2, answerNoJson2 } from './json2';
import { drop, type FakeOdooState, type FakeOdooVersion } from './state';
import { answerXmlRpc } from './xmlrpc';

export interface FakeOdooOptions {
  db?: string;
  login?: string;
  /** the API key (XML-RPC's password, JSON-2's bearer token) */
  password?: string;
  port?: number;
  /** the Odoo version to pretend to be (default 17: XML-RPC only) */
  version?: FakeOdooVersion;
}

/** Odoo's uid of the API user (1 is OdooBot, 2 the first real user). */
export const FAKE_ODOO_UID = 2;

const JSON2_PATH = /^\/json\/2\/([^/]+)\/([^/]+)$/;

export async function startFakeOdoo({
  db = 'magnetiq',
  login = 'odoo-bot@magnetiq.test',
  password = 'odoo-api-key',
  port = 0,
  version = 17,
}: FakeOdooOptions = {}) {
  const uid = FAKE_ODOO_UID;
  const state: FakeOdooState = {
    db,
    login,
    password,
    uid,
    version,
    store: new OdooStore({ uid, login }),
    chaos: new Chaos(),
    calls: [],
  };

  const server = await listen(async (req, body, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname.startsWith('/__fake/')) {
      try {
        return control(state, version, req, url, body, res);
      } catch (error) {
        if (error instanceof BadRequest) return sendJson(res, 400, { error: error.message });
        if (error instanceof OdooFault)
          return sendJson(res, 400, { error: error.faultString, faultCode: error.faultCode });
        throw error;
      }
    }
    if (url.pathname === '/xmlrpc/2/common' || url.pathname === '/xmlrpc/2/object') {
      if (req.method === 'POST')
        return answerXmlRpc(state, url.pathname === '/xmlrpc/2/common' ? 'common' : 'object', req, body, res);
    }
    if (url.pathname === '/web/version' && req.method === 'GET') {
      state.calls.push({
        service: 'web',
        method: 'version',
        ok: !state.chaos.isDown(),
        outcome: state.chaos.isDown() ? 'dropped' : 'result',
        applied: true,
        at: new Date().toISOString(),
      });
      if (state.chaos.isDown()) return drop(req);
      return sendJson(res, 200, { version_info: [state.version, 0, 0, 'final', 0, ''], version: `${state.version}.0` });
    }
    const json2 = JSON2_PATH.exec(url.pathname);
    if (json2 && req.method === 'POST') {
      if (state.version < 19) return answerNoJson2(res);
      return answerJson2(state, decodeURIComponent(json2[1]), decodeURIComponent(json2[2]), req, body, res);
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found');
  }, port);

  return { url: server.url, db, login, password, uid, close: server.close };
}

export type FakeOdoo = Awaited<ReturnType<typeof startFakeOdoo>>;
