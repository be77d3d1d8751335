/**
 * Media: local files in public/uploads by default; any S3-compatible storage (AWS, MinIO,
 * Cloudflare R2, Scaleway...) when S3_BUCKET is set. Images get responsive formats at these
 * widths (plus Strapi's 245 px thumbnail). docs/operations.md, "Media storage".
 */
export const BREAKPOINTS = { xlarge: 1920, large: 1280, medium: 750, small: 500 };

export function s3PublicOrigin(env: (name: string, fallback?: string) => string): string | null {
  const bucket = env('S3_BUCKET', '');
  if (!bucket) return null;
  const base =
    env('S3_PUBLIC_URL', '') ||
    env('S3_ENDPOINT', '') ||
    `https://${bucket}.s3.${env('S3_REGION', 'us-east-1')}.amazonaws.com`;
  try {
    return new URL(base).origin;
  } catch {
    return null;
  }
}

export function uploadConfig(env: any) {
  const common = {
    sizeLimit: env.int('UPLOAD_SIZE_LIMIT_MB', 50) * 1024 * 1024,
    breakpoints: BREAKPOINTS,
  };
  if (!env('S3_BUCKET', '')) return { config: { ...common, provider: 'local' } };
  return {
    config: {
      ...common,
      provider: 'aws-s3',
      providerOptions: {
        // Public URL of the bucket (CDN or the endpoint's virtual host); empty: the provider's default
        baseUrl: env('S3_PUBLIC_URL', '') || undefined,
        rootPath: env('S3_ROOT_PATH', '') || undefined,
        s3Options: {
          credentials: {
            accessKeyId: env('S3_ACCESS_KEY_ID'),
            secretAccessKey: env('S3_SECRET_ACCESS_KEY'),
          },
          region: env('S3_REGION', 'us-east-1'),
          endpoint: env('S3_ENDPOINT', '') || undefined,
          // MinIO and most self-hosted servers need path-style URLs
          forcePathStyle:
            env('S3_FORCE_PATH_STYLE', '') === '' ? Boolean(env('S3_ENDPOINT', '')) : env.bool('S3_FORCE_PATH_STYLE'),
          params: {
            Bucket: env('S3_BUCKET'),
            ACL: env('S3_ACL', '') || undefined,
          },
        },
      },
      actionOptions: { upload: {}, uploadStream: {}, delete: {} },
    },
  };
}
