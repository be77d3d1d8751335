export const ROOT: string;
export const CMS_DIR: string;
export const SITE_DIR: string;
export const PLUGINS_DIR: string;
export const DATA_DIR: string;
export const STRAPI_BIN: string;
