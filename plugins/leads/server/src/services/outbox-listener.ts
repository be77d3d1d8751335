import { Client, type ClientConfig } from 'pg';
import type { Core } from '@strapi/strapi';

/**
 * A dedicated PostgreSQL connection that LISTENs on one or more channels (outside Strapi's pool,
 * which must not lose a connection for good) and reconnects with backoff when the connection
 * drops. Notifications are delivered after the writing transaction commits; while disconnected
 * none arrive, so the caller keeps its polling fallback and gets `onReconnect` to catch up.
 */
export interface ListenerOptions {
  channels: string[];
  onNotify: (channel: string, payload: string) => void;
  /** after every (re)connection: whatever was notified meanwhile was missed */
  onReconnect?: () => void;
  /** first reconnect delay; doubles up to maxDelayMs */
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export interface Listener {
  stop(): Promise<void>;
  connected(): boolean;
}

interface ConnectionSettings {
  connectionString?: string;
  ssl?: ClientConfig['ssl'];
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
}

/** The connection settings Strapi's knex uses (config/database.ts), for a client of our own. */
export function pgClientConfig(strapi: Core.Strapi): ClientConfig {
  const config = strapi.db.config.connection.connection as ConnectionSettings | string;
  if (typeof config === 'string') return { connectionString: config };
  const { connectionString, ssl, host, port, user, password, database } = config;
  return { connectionString, ssl, host, port, user, password, database, application_name: 'magnetiq-listen' };
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function startListener(strapi: Core.Strapi, options: ListenerOptions): Listener {
  const base = options.baseDelayMs ?? 500;
  const max = options.maxDelayMs ?? 10_000;
  let client: Client | null = null;
  let stopped = false;
  let isConnected = false;
  let delay = base;
  let retry: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, delay);
    delay = Math.min(max, delay * 2);
  };

  const connect = async () => {
    if (stopped) return;
    const next = new Client(pgClientConfig(strapi));
    client = next;
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      isConnected = false;
      if (!stopped)
        strapi.log.warn(`outbox: LISTEN connection lost (${error?.message ?? 'closed'}); polling until it is back`);
      next.removeAllListeners('notification');
      void next.end().catch(() => undefined);
      scheduleReconnect();
    };
    next.on('error', onLost);
    next.on('end', () => onLost());
    next.on('notification', (message) => options.onNotify(message.channel, message.payload ?? ''));
    try {
      await next.connect();
      for (const channel of options.channels) await next.query(`LISTEN ${quoteIdent(channel)}`);
      if (stopped) {
        await next.end();
        return;
      }
      isConnected = true;
      delay = base;
      options.onReconnect?.();
    } catch (error) {
      onLost(error as Error);
    }
  };

  void connect();

  return {
    connected: () => isConnected,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      isConnected = false;
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.on('error', () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
