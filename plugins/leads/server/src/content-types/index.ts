import contact from './contact';
import consent from './consent';
import activity from './activity';
import outbox from './outbox';
import email from './email';
import auditLog from './audit-log';

export default {
  contact,
  consent,
  activity,
  outbox,
  email,
  'audit-log': auditLog,
};
