import analytics from '../analytics/service';
import audit from './audit';
import capture from './capture';
import cluster from './cluster';
import contacts from './contacts';
import deprecations from './deprecations';
import email from './email';
import events from './events';
import metrics from './metrics';
import forms from './forms';
import locales from './locales';
import marketing from './marketing';
import outbox from './outbox';
import rateLimit from './rate-limit';
import tokens from './tokens';

export default {
  analytics,
  audit,
  capture,
  cluster,
  contacts,
  deprecations,
  email,
  events,
  metrics,
  forms,
  locales,
  marketing,
  outbox,
  'rate-limit': rateLimit,
  tokens,
};
