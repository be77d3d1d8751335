import audit from './audit';
import capture from './capture';
import contacts from './contacts';
import email from './email';
import events from './events';
import metrics from './metrics';
import forms from './forms';
import outbox from './outbox';
import rateLimit from './rate-limit';
import tokens from './tokens';

export default {
  audit,
  capture,
  contacts,
  email,
  events,
  metrics,
  forms,
  outbox,
  'rate-limit': rateLimit,
  tokens,
};
