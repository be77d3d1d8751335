import type { AudienceFilter } from '@magnetiq/plugin-leads/contract';

/**
 * A segment: a saved filter over what the leads core knows of a contact. Every part is optional;
 * parts combine with AND, the values of one part with OR. Only subscribers (confirmed marketing
 * consent, not suppressed) are ever in a segment.
 */
export interface SegmentFilter {
  /** topic slugs: subscribed to any of them */
  topics?: string[];
  languages?: string[];
  /** activity types the lead came in through (contact-form, whitepaper-download, webinar-registration, booking, newsletter-signup) */
  sources?: string[];
  utmSources?: string[];
  utmMediums?: string[];
  utmCampaigns?: string[];
  /** whitepaper document ids: downloaded (requested) any of them; [] or absent = no condition */
  whitepapers?: string[];
  /** webinar document ids: registered for any of them */
  webinars?: string[];
  /** true: booked at least one meeting */
  booked?: boolean;
  /** ISO 8601 dates of the double opt-in */
  confirmedFrom?: string;
  confirmedBefore?: string;
  /**
   * conditions other plugins register with the leads core (`webinar-attended`: webinar document
   * ids, `odoo-stage`: stage names): each must match, any of its values
   */
  criteria?: Array<{ name: string; values: string[] }>;
}

export const ACTIVITY = {
  whitepaper: 'whitepaper-download',
  webinar: 'webinar-registration',
  booking: 'booking',
} as const;

const nonEmpty = (values: string[] | undefined): values is string[] => Array.isArray(values) && values.length > 0;

/** The leads core's audience filter for a segment (the topics are the newsletter's own part). */
export function audienceFilter(segment: SegmentFilter): AudienceFilter {
  const filter: AudienceFilter = {};
  if (nonEmpty(segment.languages)) filter.languages = [...segment.languages];
  if (segment.confirmedFrom) filter.confirmedFrom = segment.confirmedFrom;
  if (segment.confirmedBefore) filter.confirmedBefore = segment.confirmedBefore;
  if (nonEmpty(segment.utmSources)) filter.utmSources = [...segment.utmSources];
  if (nonEmpty(segment.utmMediums)) filter.utmMediums = [...segment.utmMediums];
  if (nonEmpty(segment.utmCampaigns)) filter.utmCampaigns = [...segment.utmCampaigns];
  const activities: NonNullable<AudienceFilter['activities']> = [];
  if (nonEmpty(segment.sources)) activities.push({ types: [...segment.sources] });
  if (nonEmpty(segment.whitepapers))
    activities.push({ types: [ACTIVITY.whitepaper], references: [...segment.whitepapers] });
  if (nonEmpty(segment.webinars)) activities.push({ types: [ACTIVITY.webinar], references: [...segment.webinars] });
  if (segment.booked) activities.push({ types: [ACTIVITY.booking] });
  if (activities.length > 0) filter.activities = activities;
  const criteria = (segment.criteria ?? []).filter((criterion) => nonEmpty(criterion.values));
  if (criteria.length > 0) filter.criteria = criteria.map(({ name, values }) => ({ name, values: [...values] }));
  return filter;
}

/** The topic slugs a segment asks for (none: every subscriber of any topic, or of none). */
export const segmentTopics = (segment: SegmentFilter): string[] =>
  nonEmpty(segment.topics) ? [...segment.topics] : [];
