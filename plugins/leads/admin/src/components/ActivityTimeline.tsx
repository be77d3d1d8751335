import { DateTime, EmptyList, TableHead } from '@magnetiq/plugin-kit/admin';
import { Badge, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Activity, TimelineEntry } from '../types';
import { getTranslation } from '../utils/getTranslation';

type Row = {
  key: string;
  activity: Activity | null;
  type: string;
  title: string | null;
  reference: string | null;
  occurredAt: string;
};

/** The core's activities and other plugins' entries in one list, newest first. */
const newestFirst = (activities: Activity[], entries: TimelineEntry[]): Row[] =>
  [
    ...activities.map((activity) => ({ ...activity, key: `activity:${activity.id}`, activity })),
    ...entries.map((entry) => ({ ...entry, activity: null })),
  ].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));

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

/** Everything the contact did, across plugins, newest first (with the entries other plugins add). */
export const ActivityTimeline = ({
  activities,
  entries = [],
}: {
  activities: Activity[];
  entries?: TimelineEntry[];
}) => {
  const { formatMessage } = useIntl();
  const column = (key: string, defaultMessage: string) =>
    formatMessage({ id: getTranslation(`activities.table.${key}`), defaultMessage });

  if (activities.length === 0 && entries.length === 0) {
    return (
      <EmptyList
        content={formatMessage({ id: getTranslation('activities.empty'), defaultMessage: 'No activity recorded.' })}
      />
    );
  }

  return (
    <Table colCount={4} rowCount={activities.length + entries.length + 1}>
      <TableHead
        columns={[
          column('occurredAt', 'When'),
          column('type', 'Type'),
          column('title', 'What'),
          column('campaign', 'Campaign'),
        ]}
      />
      <Tbody>
        {newestFirst(activities, entries).map((row) => (
          <Tr key={row.key}>
            <Td>
              <DateTime value={row.occurredAt} />
            </Td>
            <Td>
              <Badge>{row.type}</Badge>
            </Td>
            <Td>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography textColor="neutral800">{row.title || row.reference || '–'}</Typography>
                {row.title && row.reference ? (
                  <Typography variant="pi" textColor="neutral600">
                    {row.reference}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              {row.activity ? <Campaign activity={row.activity} /> : <Typography textColor="neutral500">–</Typography>}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
