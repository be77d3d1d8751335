import { publicForm, publicRoutes } from '@magnetiq/plugin-kit/server';

export default publicRoutes`
  GET /topics public.topics
  POST /subscriptions public.subscribe ${publicForm}
  GET /preferences public.preferences
  POST /preferences public.updatePreferences ${publicForm}
  // RFC 8058: mail clients POST a form body from anywhere (no Origin, no JSON); POST only
  POST /unsubscribe public.unsubscribe
  // SendGrid's signed event webhook: the signature is the authentication
  POST /sendgrid/events public.events
`;
