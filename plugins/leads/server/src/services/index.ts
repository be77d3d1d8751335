import audit from './audit';
import capture from './capture';
import contacts from './contacts';
import deprecations from './deprecations';
import email from './email';
import metrics from './metrics';
import forms from './forms';
import locales from './locales';
import outbox from './outbox';
import rateLimit from './rate-limit';

export default {
  audit,
  capture,
  contacts,
  deprecations,
  email,
  metrics,
  forms,
  locales,
  outbox,
  'rate-limit': rateLimit,
};
