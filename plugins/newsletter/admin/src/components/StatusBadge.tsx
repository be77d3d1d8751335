import { Badge } from '@strapi/design-system';
import type { CampaignStatus } from '../types';
import { useT } from '../utils/useT';

const COLORS: Record<CampaignStatus, { background: string; text: string }> = {
  draft: { background: 'neutral150', text: 'neutral700' },
  scheduled: { background: 'secondary100', text: 'secondary700' },
  sending: { background: 'warning100', text: 'warning700' },
  sent: { background: 'success100', text: 'success700' },
  cancelled: { background: 'danger100', text: 'danger700' },
};

export const StatusBadge = ({ status }: { status: CampaignStatus }) => {
  const t = useT();
  const labels: Record<CampaignStatus, string> = {
    draft: t('status.draft', 'Draft'),
    scheduled: t('status.scheduled', 'Scheduled'),
    sending: t('status.sending', 'Sending'),
    sent: t('status.sent', 'Sent'),
    cancelled: t('status.cancelled', 'Cancelled'),
  };
  const color = COLORS[status] ?? COLORS.draft;
  return (
    <Badge backgroundColor={color.background} textColor={color.text}>
      {labels[status] ?? status}
    </Badge>
  );
};
