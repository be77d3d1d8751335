import fs from 'node:fs';
import type { Core } from '@strapi/strapi';
import { PERMISSION_ACTIONS } from './permissions';
import { renderWhitepaperEmail, WHITEPAPER_EMAIL_LOCALES } from './domain/emails';
import { EMAIL_TEMPLATE, fileStorage, filesDir, getService, leads } from './utils';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(PERMISSION_ACTIONS);
  // GDPR erase in the leads core takes the contact's download rows along (services/erasure.ts)
  leads(strapi).contacts.onErase((erased) => getService(strapi, 'erasure').eraseContact(erased));
  // this plugin's own email, rendered by the leads core's outbox when it leaves
  leads(strapi).email.registerTemplate(EMAIL_TEMPLATE, renderWhitepaperEmail, WHITEPAPER_EMAIL_LOCALES);
  // a private S3 bucket (several instances): no local folder to check or make
  if (fileStorage(strapi).kind === 's3') return;
  const dir = filesDir(strapi);
  const publicDir = strapi.dirs.static.public;
  // A files folder inside the public one would hand gated papers to anyone who guesses a name.
  if (dir === publicDir || dir.startsWith(`${publicDir}/`)) {
    throw new Error(`whitepapers: WHITEPAPERS_FILES_DIR (${dir}) must not be inside the public folder ${publicDir}`);
  }
  fs.mkdirSync(dir, { recursive: true, mode: 0o750 });
};
