import { useAdminQuery } from '@magnetiq/plugin-kit/admin';
import { Flex, Link, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

interface EntryStage {
  uid: string;
  documentId: string;
  locale: string | null;
  stage: string;
  updatedAt: string | null;
}

/** The admin home's "Waiting for my review": entries assigned to me in a stage that notifies. */
export const ReviewWidget = () => {
  const { formatMessage } = useIntl();
  const query = useAdminQuery<{ data: EntryStage[] }>('/editorial/stages/mine');
  const entries = query.data?.data ?? [];
  if (!query.data)
    return <Typography>{formatMessage({ id: getTranslation('history.loading'), defaultMessage: '…' })}</Typography>;
  if (entries.length === 0)
    return (
      <Typography>
        {formatMessage({ id: getTranslation('widget.none'), defaultMessage: 'Nothing waits for your review.' })}
      </Typography>
    );
  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      {entries.map((entry) => (
        <Link
          key={`${entry.uid}:${entry.documentId}:${entry.locale ?? ''}`}
          href={`/admin/content-manager/collection-types/${entry.uid}/${entry.documentId}${entry.locale ? `?plugins[i18n][locale]=${entry.locale}` : ''}`}
        >
          {entry.uid.split('.').pop()} {entry.documentId}
          {entry.locale ? ` (${entry.locale})` : ''} · {entry.stage}
        </Link>
      ))}
    </Flex>
  );
};

export default ReviewWidget;
