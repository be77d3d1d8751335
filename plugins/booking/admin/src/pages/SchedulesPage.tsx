import * as React from 'react';
import { useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import {
  Box,
  Button,
  Field,
  Flex,
  IconButton,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { WEEKDAYS, type DataResponse, type HostSchedule, type TimeRange, type Weekday } from '../types';
import { getTranslation } from '../utils/getTranslation';

const ZONES: string[] =
  typeof (Intl as any).supportedValuesOf === 'function'
    ? (Intl as any).supportedValuesOf('timeZone')
    : ['Europe/Berlin', 'Europe/London', 'America/New_York', 'UTC'];

/** One day's intervals: start/end as HH:mm inputs, add and remove. */
const Intervals = ({
  ranges,
  onChange,
  label,
  removeLabel,
  addLabel,
  emptyLabel,
}: {
  ranges: TimeRange[];
  onChange: (next: TimeRange[]) => void;
  label: string;
  removeLabel: string;
  addLabel: string;
  emptyLabel: string;
}) => (
  <Flex gap={2} wrap="wrap" alignItems="center">
    {ranges.length === 0 && <Typography textColor="neutral500">{emptyLabel}</Typography>}
    {ranges.map((range, index) => (
      <Flex key={index} gap={1} alignItems="center" background="neutral100" hasRadius padding={1}>
        <TextInput
          type="time"
          aria-label={`${label} ${index + 1} start`}
          size="S"
          value={range.start}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
            onChange(ranges.map((item, at) => (at === index ? { ...item, start: event.target.value } : item)))
          }
        />
        <Typography>–</Typography>
        <TextInput
          type="time"
          aria-label={`${label} ${index + 1} end`}
          size="S"
          value={range.end === '24:00' ? '23:59' : range.end}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
            onChange(
              ranges.map((item, at) =>
                at === index ? { ...item, end: event.target.value === '23:59' ? '24:00' : event.target.value } : item,
              ),
            )
          }
        />
        <IconButton
          label={removeLabel}
          variant="ghost"
          onClick={() => onChange(ranges.filter((_, at) => at !== index))}
        >
          <Trash />
        </IconButton>
      </Flex>
    ))}
    <Button
      size="S"
      variant="tertiary"
      startIcon={<Plus />}
      onClick={() =>
        onChange([
          ...ranges,
          ranges.length
            ? {
                start: ranges[ranges.length - 1].end === '24:00' ? '23:00' : ranges[ranges.length - 1].end,
                end: '24:00',
              }
            : { start: '09:00', end: '17:00' },
        ])
      }
    >
      {addLabel}
    </Button>
  </Flex>
);

/** A host's weekly hours (several intervals per weekday) and date overrides, in the host's zone. */
export const SchedulesPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const { put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const hosts = useAdminQuery<DataResponse<HostSchedule[]>>('/booking/hosts');
  const [selected, setSelected] = React.useState<string | null>(null);
  const [draft, setDraft] = React.useState<HostSchedule | null>(null);
  const [saving, setSaving] = React.useState(false);
  const [problems, setProblems] = React.useState<string[]>([]);

  React.useEffect(() => {
    const host = hosts.data?.data.find((candidate) => candidate.documentId === selected) ?? hosts.data?.data[0];
    if (host) setDraft(JSON.parse(JSON.stringify({ ...host, dateOverrides: host.dateOverrides ?? [] })));
    setProblems([]);
  }, [hosts.data, selected]);

  if (!hosts.data && hosts.error) return <Page.Error />;
  if (!hosts.data) return <Page.Loading />;
  const title = t('schedules.title', 'Schedules');

  const setDay = (weekday: Weekday, ranges: TimeRange[]) =>
    draft && setDraft({ ...draft, weeklyHours: { ...draft.weeklyHours, [weekday]: ranges } });
  const save = async () => {
    if (!draft) return;
    setSaving(true);
    setProblems([]);
    try {
      await put(`/booking/hosts/${draft.documentId}/schedule`, {
        timeZone: draft.timeZone,
        weeklyHours: draft.weeklyHours,
        dateOverrides: draft.dateOverrides,
      });
      toggleNotification({ type: 'success', message: t('schedules.saved', 'Schedule saved; slots follow at once.') });
      hosts.refetch();
    } catch (error: any) {
      const details = error?.response?.data?.error?.details?.errors as Array<{ message: string }> | undefined;
      setProblems(
        details?.map((detail) => detail.message) ?? [
          error?.response?.data?.error?.message ?? t('schedules.failed', 'Saving failed'),
        ],
      );
    } finally {
      setSaving(false);
    }
  };

  const labels = {
    remove: t('schedules.remove', 'Remove interval'),
    add: t('schedules.add', 'Add interval'),
    off: t('schedules.off', 'Unavailable'),
  };

  return (
    <PluginPage
      title={title}
      subtitle={t('schedules.subtitle', 'Weekly hours and days off of each host, in the host’s own time zone')}
      primaryAction={
        <Button onClick={save} loading={saving} disabled={!draft}>
          {t('schedules.save', 'Save')}
        </Button>
      }
      secondaryAction={
        <Link to="..">
          <Button variant="tertiary">{t('bookings.title', 'Bookings')}</Button>
        </Link>
      }
    >
      {!draft ? (
        <Typography textColor="neutral600">
          {t('hosts.empty', 'No hosts yet. Create one in the Content Manager (Booking host).')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={4} wrap="wrap">
            <Box minWidth="240px">
              <Field.Root name="host">
                <Field.Label>{t('bookings.host', 'Host')}</Field.Label>
                <SingleSelect value={draft.documentId} onChange={(value) => setSelected(String(value))}>
                  {hosts.data.data.map((host) => (
                    <SingleSelectOption key={host.documentId} value={host.documentId}>
                      {host.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box minWidth="280px">
              <Field.Root name="timeZone">
                <Field.Label>{t('schedules.zone', 'Time zone')}</Field.Label>
                <SingleSelect
                  value={draft.timeZone}
                  onChange={(value) => setDraft({ ...draft, timeZone: String(value) })}
                >
                  {ZONES.map((zone) => (
                    <SingleSelectOption key={zone} value={zone}>
                      {zone}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          </Flex>

          {problems.length > 0 && (
            <Box background="danger100" padding={3} hasRadius>
              {problems.map((problem) => (
                <Typography key={problem} tag="p" textColor="danger700">
                  {problem}
                </Typography>
              ))}
            </Box>
          )}

          <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
            <Typography variant="delta" tag="h2">
              {t('schedules.weekly', 'Weekly hours')}
            </Typography>
            <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
              {WEEKDAYS.map((weekday) => (
                <Flex key={weekday} gap={4} alignItems="center">
                  <Box width="120px">
                    <Typography fontWeight="bold">{t(`weekday.${weekday}`, weekday)}</Typography>
                  </Box>
                  <Intervals
                    label={weekday}
                    ranges={draft.weeklyHours[weekday] ?? []}
                    onChange={(ranges) => setDay(weekday, ranges)}
                    removeLabel={labels.remove}
                    addLabel={labels.add}
                    emptyLabel={labels.off}
                  />
                </Flex>
              ))}
            </Flex>
          </Box>

          <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
            <Typography variant="delta" tag="h2">
              {t('schedules.overrides', 'Date overrides and days off')}
            </Typography>
            <Typography tag="p" variant="pi" textColor="neutral600">
              {t('schedules.overridesHint', 'Other hours on one date; no interval means the day off.')}
            </Typography>
            <Flex direction="column" alignItems="stretch" gap={3} paddingTop={3}>
              {draft.dateOverrides.map((override, index) => (
                <Flex key={index} gap={4} alignItems="center">
                  <Box width="180px">
                    <TextInput
                      type="date"
                      aria-label={t('schedules.date', 'Date')}
                      size="S"
                      value={override.date}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        setDraft({
                          ...draft,
                          dateOverrides: draft.dateOverrides.map((item, at) =>
                            at === index ? { ...item, date: event.target.value } : item,
                          ),
                        })
                      }
                    />
                  </Box>
                  <Intervals
                    label={override.date}
                    ranges={override.intervals}
                    onChange={(intervals) =>
                      setDraft({
                        ...draft,
                        dateOverrides: draft.dateOverrides.map((item, at) =>
                          at === index ? { ...item, intervals } : item,
                        ),
                      })
                    }
                    removeLabel={labels.remove}
                    addLabel={labels.add}
                    emptyLabel={t('schedules.dayOff', 'Day off')}
                  />
                  <IconButton
                    label={t('schedules.removeDate', 'Remove date')}
                    variant="ghost"
                    onClick={() =>
                      setDraft({ ...draft, dateOverrides: draft.dateOverrides.filter((_, at) => at !== index) })
                    }
                  >
                    <Trash />
                  </IconButton>
                </Flex>
              ))}
              <Box>
                <Button
                  variant="secondary"
                  startIcon={<Plus />}
                  onClick={() =>
                    setDraft({
                      ...draft,
                      dateOverrides: [
                        ...draft.dateOverrides,
                        { date: new Date().toISOString().slice(0, 10), intervals: [] },
                      ],
                    })
                  }
                >
                  {t('schedules.addDate', 'Add a date')}
                </Button>
              </Box>
            </Flex>
          </Box>
        </Flex>
      )}
    </PluginPage>
  );
};
