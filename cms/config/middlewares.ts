import { s3PublicOrigin } from '../src/config/upload';
import { siteOrigins } from '../src/config/site-origins';

// Media served from S3-compatible storage must be displayable in the admin.
const mediaOrigins = (env: any) => [s3PublicOrigin(env)].filter((origin): origin is string => Boolean(origin));

export default ({ env }: { env: any }) => [
  // request id, JSON access log and the HTTP duration histogram (in place of strapi::logger)
  'global::request-context',
  'strapi::errors',
  // admin login tries per client IP, whatever email they name (Strapi's own limit is per email)
  {
    name: 'global::admin-login-throttle',
    config: {
      points: env.int('ADMIN_LOGIN_RATE_LIMIT', 20),
      durationSeconds: env.int('ADMIN_LOGIN_RATE_LIMIT_WINDOW', 900),
    },
  },
  // no end-user accounts: users-permissions' register/forgot-password/... routes answer 404
  { name: 'global::end-user-auth-off', config: { enabled: !env.bool('END_USER_AUTH', false) } },
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          'img-src': ["'self'", 'data:', 'blob:', ...mediaOrigins(env)],
          'media-src': ["'self'", 'data:', 'blob:', ...mediaOrigins(env)],
          'frame-ancestors': ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      hsts: { maxAge: 31536000, includeSubDomains: true },
      frameguard: { action: 'sameorigin' },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    },
  },
  {
    name: 'strapi::cors',
    config: {
      // The public site's origins (the same list the form Origin check reads); forms on the site POST to the CMS API.
      origin: siteOrigins(env),
      credentials: false,
    },
  },
  // media from our origin: only allowed images inline, every other file a download, never sniffed
  'global::uploads-headers',
  'strapi::poweredBy',
  'strapi::query',
  // no NUL, other C0 control or lone surrogate in any path or query string (PostgreSQL refuses NUL: a 500)
  'plugin::leads.text-params',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: env('BODY_JSON_LIMIT', '256kb'),
      formLimit: env('BODY_FORM_LIMIT', '256kb'),
      textLimit: env('BODY_TEXT_LIMIT', '256kb'),
      // the raw JSON next to the parsed one (Symbol.for('unparsedBody')): signed webhooks verify the bytes (newsletter)
      includeUnparsed: true,
    },
  },
  // upload allow-list by content (needs the parsed multipart body): one refused file refuses the request
  'global::upload-allow-list',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
