export default {
  type: 'content-api' as const,
  routes: [
    { method: 'GET', path: '/topics', handler: 'public.topics', config: { auth: false } },
    // the leads core's guard: JSON only, allowed Origin, small bodies
    {
      method: 'POST',
      path: '/subscriptions',
      handler: 'public.subscribe',
      config: { auth: false, middlewares: ['plugin::leads.form-guard'] },
    },
    { method: 'GET', path: '/preferences', handler: 'public.preferences', config: { auth: false } },
    {
      method: 'POST',
      path: '/preferences',
      handler: 'public.updatePreferences',
      config: { auth: false, middlewares: ['plugin::leads.form-guard'] },
    },
    // RFC 8058: mail clients POST a form body from anywhere (no Origin, no JSON); POST only
    { method: 'POST', path: '/unsubscribe', handler: 'public.unsubscribe', config: { auth: false } },
    // SendGrid's signed event webhook: the signature is the authentication
    { method: 'POST', path: '/sendgrid/events', handler: 'public.events', config: { auth: false } },
  ],
};
