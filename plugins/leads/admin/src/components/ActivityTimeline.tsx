import { DateTime, EmptyList, TableHead } from '@magnetiq/plugin-kit/admin';
import { Badge, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Activity } from '../types';
import { getTranslation } from '../utils/getTranslation';

const newestFirst = (activities: Activity[]) =>
  [...activities].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));

const UTM_FIELDS = [
  ['utmSource', 'source'],
  ['utmMedium', 'medium'],
  ['utmCampaign', 'campaign'],
  ['utmTerm', 'term'],
  ['utmContent', 'content'],
] as const;

const Campaign = ({ activity }: { activity: Activity }) => {
  const { formatMessage } = useIntl();
  const present = UTM_FIELDS.filter(([field]) => activity[field]);
  if (present.length === 0) return <Typography textColor="neutral500">–</Typography>;
  return (
    <Flex direction="column" alignItems="flex-start" gap={1}>
      {present.map(([field, name]) => (
        <Typography key={field} variant="pi" textColor="neutral800">
          <Typography variant="pi" textColor="neutral600">
            {formatMessage({ id: getTranslation('activities.utm'), defaultMessage: 'utm_{name}:' }, { name })}{' '}
          </Typography>
          {activity[field]}
        </Typography>
      ))}
    </Flex>
  );
};

/** Everything the contact did, across plugins, newest first. */
export const ActivityTimeline = ({ activities }: { activities: Activity[] }) => {
  const { formatMessage } = useIntl();
  const column = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`activities.table.${key}`), defaultMessage });

  if (activities.length === 0) {
    return (
      <EmptyList
        content={formatMessage({ id: getTranslation('activities.empty'), defaultMessage: 'No activity recorded.' })}
      />
    );
  }

  return (
    <Table colCount={4} rowCount={activities.length + 1}>
      <TableHead
        columns={[
          column('occurredAt', 'When'),
          column('type', 'Type'),
          column('title', 'What'),
          column('campaign', 'Campaign'),
        ]}
      />
      <Tbody>
        {newestFirst(activities).map((activity) => (
          <Tr key={activity.id}>
            <Td>
              <DateTime value={activity.occurredAt} />
            </Td>
            <Td>
              <Badge>{activity.type}</Badge>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography textColor="neutral800">{activity.title || activity.reference || '–'}</Typography>
                {activity.title && activity.reference ? (
                  <Typography variant="pi" textColor="neutral600">
                    {activity.reference}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Campaign activity={activity} />
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
