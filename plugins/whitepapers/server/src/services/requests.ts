import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { keyedHash, leadFormInput, newDocumentId, tokenHash } from '@magnetiq/plugin-kit/server';
import { signDownloadToken } from '../domain/tokens';
import { assertRequiredFields, type WhitepaperRequest } from '../validation/request';
import { ACTIVITY_TYPE, EMAIL_TEMPLATE, getConfig, getService, leads, UID } from '../utils';

export const downloadUrl = (publicUrl: string, token: string) =>
  `${publicUrl}/api/whitepapers/download/${encodeURIComponent(token)}`;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * One request: the lead (contact, consent, activity, Odoo event) through the leads core, the
   * email with the link as an extra outbox row, and the download record, in one transaction.
   * The link is signed here because its hash must be stored with the record it opens.
   */
  async request(request: WhitepaperRequest, meta: { ip?: string; userAgent?: string }) {
    const config = getConfig(strapi);
    const papers = getService(strapi, 'papers');
    const paper = await papers.publishedById(request.whitepaper, request.locale as string);
    if (!paper) throw new errors.NotFoundError('Whitepaper not found');
    if (!paper.fileKey) throw new errors.NotFoundError('Whitepaper not found');
    assertRequiredFields(request, Array.isArray(paper.requiredFields) ? paper.requiredFields : []);

    const now = new Date();
    const expiresAt = new Date(now.getTime() + config.linkTtlHours * 3600 * 1000);
    const downloadDocumentId = newDocumentId();
    // the controller resolved it against the configured locales (leads `locales` service)
    const locale = request.locale as string;
    let token = '';

    await strapi.db.transaction(async () => {
      const lead = await leads(strapi).capture.captureLead(
        {
          ...leadFormInput(request),
          language: locale,
          source: 'whitepaper',
          activity: {
            type: ACTIVITY_TYPE,
            reference: paper.documentId,
            title: paper.title,
            details: { locale: paper.locale, slug: paper.slug },
          },
        },
        {
          ip: meta.ip,
          userAgent: meta.userAgent,
          outbox: (captured: { contactId: number; contactDocumentId: string; activityDocumentId: string }) => {
            token = signDownloadToken(
              {
                contact: captured.contactDocumentId,
                whitepaper: paper.documentId,
                download: downloadDocumentId,
                expiresAt,
              },
              config.tokenSecret,
            );
            return [
              {
                topic: 'email.send',
                idempotencyKey: `email:${EMAIL_TEMPLATE}:${captured.activityDocumentId}`,
                contactId: captured.contactId,
                payload: {
                  template: EMAIL_TEMPLATE,
                  locale,
                  to: request.email.trim().toLowerCase(),
                  contact: captured.contactDocumentId,
                  data: {
                    firstName: request.firstName ?? undefined,
                    whitepaper: {
                      title: paper.title,
                      downloadUrl: downloadUrl(config.publicUrl, token),
                      validHours: config.linkTtlHours,
                    },
                  },
                },
              },
            ];
          },
        },
      );
      await strapi.db.query(UID.download).create({
        data: {
          documentId: downloadDocumentId,
          whitepaper: paper.documentId,
          whitepaperTitle: paper.title,
          contact: lead.contactDocumentId,
          tokenHash: tokenHash(token),
          expiresAt,
          requestedAt: now,
          downloadCount: 0,
          ipHash: meta.ip ? keyedHash(meta.ip, config.tokenSecret) : null,
          userAgent: meta.userAgent ? meta.userAgent.slice(0, 500) : null,
          language: locale,
          utmSource: request.utm?.source || null,
          utmMedium: request.utm?.medium || null,
          utmCampaign: request.utm?.campaign || null,
          utmTerm: request.utm?.term || null,
          utmContent: request.utm?.content || null,
        },
      });
    });
    return { downloadUrl: config.instantDownload ? downloadUrl(config.publicUrl, token) : undefined };
  },
});
