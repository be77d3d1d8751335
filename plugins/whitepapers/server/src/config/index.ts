export interface WhitepapersConfig {
  /** HMAC secret of download links (WHITEPAPERS_TOKEN_SECRET), at least 16 characters */
  tokenSecret: string;
  /** how long a download link works after it was requested */
  linkTtlHours: number;
  /** where uploaded files are kept: never inside the public folder; empty = <app>/private/whitepapers */
  filesDir: string;
  maxFileBytes: number;
  /** a private S3 bucket instead of the folder (several instances, issue 19); empty bucket = the folder */
  s3: {
    bucket: string;
    prefix: string;
    region: string;
    endpoint: string;
    accessKeyId: string;
    secretAccessKey: string;
    forcePathStyle: boolean;
  };
  /** the CMS as visitors reach it, for links in emails */
  publicUrl: string;
  /** the site, for "request a new link" */
  siteUrl: string;
  /** answer a request with the download link too (the site then starts the download at once) */
  instantDownload: boolean;
}

const defaults: WhitepapersConfig = {
  tokenSecret: '',
  linkTtlHours: 72,
  filesDir: '',
  maxFileBytes: 50 * 1024 * 1024,
  s3: {
    bucket: '',
    prefix: 'whitepapers/',
    region: 'us-east-1',
    endpoint: '',
    accessKeyId: '',
    secretAccessKey: '',
    forcePathStyle: false,
  },
  publicUrl: 'http://localhost:1337',
  siteUrl: 'http://localhost:4321',
  instantDownload: false,
};

export default {
  default: defaults,
  validator(config: WhitepapersConfig) {
    if (!config.tokenSecret || config.tokenSecret.length < 16) {
      throw new Error('whitepapers: tokenSecret (WHITEPAPERS_TOKEN_SECRET) must be set to at least 16 characters');
    }
    if (!(config.linkTtlHours > 0)) throw new Error('whitepapers: linkTtlHours must be positive');
    if (!(config.maxFileBytes > 0)) throw new Error('whitepapers: maxFileBytes must be positive');
  },
};
