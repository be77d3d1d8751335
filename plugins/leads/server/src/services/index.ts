import audit from './audit';
import capture from './capture';
import cluster from './cluster';
import contacts from './contacts';
import email from './email';
import metrics from './metrics';
import forms from './forms';
import outbox from './outbox';
import rateLimit from './rate-limit';

export default {
  audit,
  capture,
  cluster,
  contacts,
  email,
  metrics,
  forms,
  outbox,
  'rate-limit': rateLimit,
};
