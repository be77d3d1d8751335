import audit from './audit';
import capture from './capture';
import contacts from './contacts';
import email from './email';
import metrics from './metrics';
import outbox from './outbox';
import rateLimit from './rate-limit';
import validation from './validation';

export default {
  audit,
  capture,
  contacts,
  email,
  metrics,
  outbox,
  'rate-limit': rateLimit,
  validation,
};
