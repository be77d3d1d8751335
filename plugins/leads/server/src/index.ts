import bootstrap from './bootstrap';
import config from './config';
import contentTypes from './content-types';
import controllers from './controllers';
import destroy from './destroy';
import middlewares from './middlewares';
import register from './register';
import { contentManagerGuard } from './admin-boundary';
import routes from './routes';
import services from './services';
import { pluginServer } from '@magnetiq/plugin-kit/server';

export type { LeadInput, CapturedLead, CaptureContext } from './services/capture';
export type { OutboxMessage, OutboxHandler } from './services/outbox';
export { PermanentDeliveryError, RateLimitedError, RetryLaterError } from './services/outbox';
export type { ContactEraser, ErasedContact } from './services/erasure';
export { signToken, verifyToken } from '@magnetiq/plugin-kit/server';
export type { EmailPayload, EmailAttachment, TemplateRenderer, EmailKit } from './services/email';
export type { RenderedEmail, EmailLocale } from './domain/email-templates';

export default pluginServer({
  register,
  bootstrap,
  destroy,
  config,
  contentTypes,
  controllers,
  services,
  routes,
  policies: { 'content-manager-guard': contentManagerGuard },
  middlewares,
});
