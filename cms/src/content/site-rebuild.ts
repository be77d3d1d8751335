import type { Core } from '@strapi/strapi';
import { rebuildWindow, signWebhookBody, SIGNATURE_HEADER } from './webhook-signature';

/**
 * Asks the site's build system (a CI webhook, Netlify/Vercel build hook, our own builder) to
 * rebuild after content is published or unpublished. Requests go through the leads outbox:
 * durable, retried with exponential backoff, dead-lettered and replayable in the admin, and
 * coalesced per debounce window. Wire format: docs/site-rebuild-webhook.md.
 */
export const REBUILD_TOPIC = 'site.rebuild';

export interface RebuildTrigger {
  uid: string;
  action: string;
  documentId?: string;
  locale?: string | null;
}

export interface RebuildSettings {
  url: string;
  secret: string;
  debounceMs: number;
  timeoutMs: number;
}

export function rebuildSettings(env: NodeJS.ProcessEnv = process.env): RebuildSettings {
  return {
    url: env.SITE_REBUILD_WEBHOOK_URL?.trim() ?? '',
    secret: env.SITE_REBUILD_WEBHOOK_SECRET ?? '',
    debounceMs: Number(env.SITE_REBUILD_DEBOUNCE_MS ?? 10_000),
    timeoutMs: Number(env.SITE_REBUILD_TIMEOUT_MS ?? 10_000),
  };
}

const outboxOf = (strapi: Core.Strapi) =>
  strapi.plugin('leads')?.service('outbox') as
    | {
        registerHandler: (topic: string, handler: (message: any) => Promise<unknown>) => void;
        hasHandler: (topic: string) => boolean;
        enqueue: (messages: any[]) => Promise<void>;
      }
    | undefined;

class PermanentWebhookError extends Error {
  permanent = true;
}

export function registerSiteRebuild(strapi: Core.Strapi): void {
  const settings = rebuildSettings();
  const outbox = outboxOf(strapi);
  if (!outbox) {
    strapi.log.warn('site rebuild: the leads plugin (outbox) is not loaded, rebuild webhooks are off.');
    return;
  }
  if (settings.url && !settings.secret) {
    strapi.log.warn(
      'site rebuild: SITE_REBUILD_WEBHOOK_URL is set without SITE_REBUILD_WEBHOOK_SECRET, rebuild webhooks are off.',
    );
  }
  if (outbox.hasHandler(REBUILD_TOPIC)) return;
  outbox.registerHandler(REBUILD_TOPIC, async ({ payload, idempotencyKey, attempt }) => {
    const current = rebuildSettings();
    if (!current.url || !current.secret) throw new PermanentWebhookError('site rebuild webhook is not configured');
    const body = JSON.stringify({
      id: idempotencyKey,
      event: REBUILD_TOPIC,
      sentAt: new Date().toISOString(),
      ...payload,
    });
    let response: Response;
    try {
      response = await fetch(current.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Magnetiq-CMS',
          'X-Magnetiq-Event': REBUILD_TOPIC,
          'X-Magnetiq-Delivery': idempotencyKey,
          'X-Magnetiq-Attempt': String(attempt),
          [SIGNATURE_HEADER]: signWebhookBody(current.secret, body),
        },
        body,
        signal: AbortSignal.timeout(current.timeoutMs),
      });
    } catch (error) {
      throw new Error(`site rebuild webhook unreachable: ${(error as Error).message}`, { cause: error });
    }
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { status: response.status };
    const message = `site rebuild webhook answered ${response.status}`;
    // A 4xx other than timeout / rate limit will not change by retrying (wrong URL or secret).
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)
      throw new PermanentWebhookError(message);
    throw new Error(message);
  });
}

export async function requestSiteRebuild(strapi: Core.Strapi, trigger: RebuildTrigger): Promise<void> {
  const settings = rebuildSettings();
  if (!settings.url || !settings.secret) return;
  const outbox = outboxOf(strapi);
  if (!outbox) return;
  const { key, notBefore } = rebuildWindow(Date.now(), settings.debounceMs);
  try {
    await outbox.enqueue([
      {
        topic: REBUILD_TOPIC,
        idempotencyKey: key,
        notBefore,
        payload: {
          trigger: {
            uid: trigger.uid,
            action: trigger.action,
            documentId: trigger.documentId ?? null,
            locale: trigger.locale ?? null,
          },
          requestedAt: new Date().toISOString(),
        },
      },
    ]);
  } catch (error) {
    // Publishing must not fail because the rebuild could not be queued; the next publish retries.
    strapi.log.error(`site rebuild: could not queue the webhook: ${(error as Error).message}`);
  }
}
