import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { contentTypeUids, ownPlugin, pluginApi } from '@magnetiq/plugin-kit/server';
import type { LeadsApi } from '@magnetiq/plugin-leads/contract';
import type { WhitepapersConfig } from '../config';
import { type FileStorage, localStorage, s3Storage } from '../storage';
import type services from '../services';

export const PLUGIN_ID = 'whitepapers';
export const UID = contentTypeUids(PLUGIN_ID, { whitepaper: 'whitepaper', download: 'download' });
export const ACTIVITY_TYPE = 'whitepaper-download';
export const EMAIL_TEMPLATE = 'whitepaper-download';

export const { getService, getConfig } = ownPlugin<typeof services, WhitepapersConfig>(PLUGIN_ID);

/** The private folder of whitepaper files: configured, or <app>/private/whitepapers (not public/). */
export function filesDir(strapi: Core.Strapi): string {
  const configured = getConfig(strapi).filesDir;
  return configured
    ? path.resolve(strapi.dirs.app.root, configured)
    : path.join(strapi.dirs.app.root, 'private', 'whitepapers');
}

const storages = new WeakMap<Core.Strapi, FileStorage>();

/** The store of whitepaper files: the private S3 bucket when one is configured, else the private folder. */
export function fileStorage(strapi: Core.Strapi): FileStorage {
  let storage = storages.get(strapi);
  if (!storage) {
    const { s3 } = getConfig(strapi);
    storage = s3?.bucket ? s3Storage(s3) : localStorage(filesDir(strapi));
    storages.set(strapi, storage);
  }
  return storage;
}

/** The leads core, through its typed contract only (ARCHITECTURE: never its tables). */
export const leads = (strapi: Core.Strapi) => pluginApi<LeadsApi>(strapi, 'leads');
