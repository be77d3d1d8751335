import * as React from 'react';
import { DataTable, useAdminQuery, PluginPage } from '@magnetiq/plugin-kit/admin';
import { Badge, Box, Button, Flex, Grid, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { Page } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useSearchParams } from 'react-router-dom';
import { CancelBookingButton } from '../components/CancelBookingButton';
import { WEEKDAYS, type AdminBooking, type DataResponse, type HostSchedule } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { addDays, mondayOf, partsIn, todayIn } from '../utils/time';

const STATUS_COLOR: Record<AdminBooking['status'], 'success600' | 'neutral600' | 'primary600'> = {
  confirmed: 'success600',
  cancelled: 'neutral600',
  rescheduled: 'primary600',
};

const visitorName = (booking: AdminBooking) =>
  booking.visitor
    ? [booking.visitor.firstName, booking.visitor.lastName].filter(Boolean).join(' ') || booking.visitor.email
    : '—';

/** Bookings of one host, as a list or as a week, in the host's time zone; cancel with a reason. */
export const BookingsPage = () => {
  const { formatMessage } = useIntl();
  const t = (id: string, defaultMessage: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(id), defaultMessage }, values);
  const hosts = useAdminQuery<DataResponse<HostSchedule[]>>('/booking/hosts');
  // host and view live in the URL, so a view can be linked and survives a reload
  const [params, setParams] = useSearchParams();
  const hostSlug = params.get('host');
  const view: 'list' | 'week' = params.get('view') === 'list' ? 'list' : 'week';
  const setParam = (key: string, value: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      next.set(key, value);
      return next;
    });
  const setHostSlug = (slug: string) => setParam('host', slug);
  const setView = (next: 'list' | 'week') => setParam('view', next);
  const host = hosts.data?.data.find((candidate) => candidate.slug === hostSlug) ?? hosts.data?.data[0];
  const zone = host?.timeZone ?? 'UTC';
  const weekParam = params.get('week');
  const weekStart = weekParam && /^\d{4}-\d{2}-\d{2}$/.test(weekParam) ? mondayOf(weekParam) : mondayOf(todayIn(zone));
  const setWeekStart = (monday: string) => setParam('week', monday);
  const from = view === 'week' ? weekStart : todayIn(zone);
  const to = view === 'week' ? addDays(weekStart, 6) : addDays(todayIn(zone), 90);
  const path = host
    ? `/booking/bookings?host=${encodeURIComponent(host.slug)}&from=${from}&to=${to}&tz=${encodeURIComponent(zone)}`
    : null;
  const bookings = useAdminQuery<DataResponse<{ results: AdminBooking[] }>>(
    path ?? '/booking/bookings?status=confirmed&from=1970-01-01&to=1970-01-01',
  );
  const title = t('bookings.title', 'Bookings');

  if (!hosts.data && hosts.error) return <Page.Error />;
  if (!hosts.data) return <Page.Loading />;
  const rows = host ? (bookings.data?.data.results ?? []) : [];

  const statusBadge = (booking: AdminBooking) => (
    <Badge textColor={STATUS_COLOR[booking.status]}>{t(`status.${booking.status}`, booking.status)}</Badge>
  );

  return (
    <PluginPage
      title={title}
      subtitle={host ? t('bookings.subtitle', 'Times in {zone}, the host’s time zone', { zone }) : undefined}
      secondaryAction={
        <Link to="schedules">
          <Button variant="secondary">{t('schedules.link', 'Edit schedules')}</Button>
        </Link>
      }
    >
      {hosts.data.data.length === 0 ? (
        <Typography textColor="neutral600">
          {t('hosts.empty', 'No hosts yet. Create one in the Content Manager (Booking host).')}
        </Typography>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={3} wrap="wrap">
            <Box minWidth="240px">
              <SingleSelect
                aria-label={t('bookings.host', 'Host')}
                value={host?.slug}
                onChange={(value) => setHostSlug(String(value))}
              >
                {hosts.data.data.map((candidate) => (
                  <SingleSelectOption key={candidate.slug} value={candidate.slug}>
                    {candidate.name}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Button variant={view === 'week' ? 'default' : 'tertiary'} onClick={() => setView('week')}>
              {t('view.week', 'Week')}
            </Button>
            <Button variant={view === 'list' ? 'default' : 'tertiary'} onClick={() => setView('list')}>
              {t('view.list', 'Upcoming (list)')}
            </Button>
            {view === 'week' && (
              <Flex gap={2}>
                <Button
                  variant="tertiary"
                  startIcon={<ChevronLeft />}
                  onClick={() => setWeekStart(addDays(weekStart, -7))}
                >
                  {t('week.previous', 'Previous')}
                </Button>
                <Typography variant="omega" fontWeight="bold">
                  {weekStart} – {addDays(weekStart, 6)}
                </Typography>
                <Button
                  variant="tertiary"
                  endIcon={<ChevronRight />}
                  onClick={() => setWeekStart(addDays(weekStart, 7))}
                >
                  {t('week.next', 'Next')}
                </Button>
              </Flex>
            )}
          </Flex>

          {view === 'list' ? (
            <DataTable
              rows={rows}
              rowKey={(booking) => booking.id}
              columns={[
                {
                  label: t('list.when', 'When'),
                  cell: (booking) => {
                    const start = partsIn(booking.start, zone);
                    return `${start.date} ${start.time}–${partsIn(booking.end, zone).time}`;
                  },
                },
                {
                  label: t('list.visitor', 'Visitor'),
                  cell: (booking) => (
                    <>
                      <Typography>{visitorName(booking)}</Typography>
                      <Typography variant="pi" textColor="neutral600">
                        {' '}
                        {booking.visitor?.email}
                      </Typography>
                    </>
                  ),
                },
                { label: t('list.company', 'Company'), cell: (booking) => booking.visitor?.company ?? '—' },
                {
                  label: t('list.type', 'Meeting type'),
                  cell: (booking) => (
                    <>
                      <Typography>{booking.meetingType.title ?? booking.meetingType.slug}</Typography>
                      {booking.meetLink && (
                        <Typography variant="pi" tag="p">
                          <a href={booking.meetLink} target="_blank" rel="noreferrer noopener">
                            {booking.meetLink}
                          </a>
                        </Typography>
                      )}
                    </>
                  ),
                },
                {
                  label: t('list.status', 'Status'),
                  cell: (booking) => (
                    <>
                      {statusBadge(booking)}
                      {booking.cancelReason && (
                        <Typography variant="pi" textColor="neutral600">
                          {' '}
                          {booking.cancelReason}
                        </Typography>
                      )}
                    </>
                  ),
                },
                {
                  label: t('list.actions', 'Actions'),
                  cell: (booking) =>
                    booking.changeable ? <CancelBookingButton booking={booking} onDone={bookings.refetch} /> : null,
                },
              ]}
              empty={t('bookings.none', 'No bookings in the next 90 days.')}
            />
          ) : (
            <Grid.Root gap={2} gridCols={7}>
              {WEEKDAYS.map((weekday, index) => {
                const date = addDays(weekStart, index);
                const ofDay = rows.filter((booking) => partsIn(booking.start, zone).date === date);
                return (
                  <Grid.Item key={weekday} col={1} direction="column" alignItems="stretch">
                    <Box
                      background="neutral0"
                      hasRadius
                      shadow="tableShadow"
                      padding={2}
                      minHeight="200px"
                      width="100%"
                    >
                      <Typography variant="sigma" textColor="neutral600">
                        {t(`weekday.${weekday}`, weekday)} {date.slice(5)}
                      </Typography>
                      <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
                        {ofDay.length === 0 && (
                          <Typography variant="pi" textColor="neutral500">
                            —
                          </Typography>
                        )}
                        {ofDay.map((booking) => (
                          <Box
                            key={booking.id}
                            padding={2}
                            hasRadius
                            background={booking.status === 'cancelled' ? 'neutral100' : 'primary100'}
                          >
                            <Typography variant="omega" fontWeight="bold">
                              {partsIn(booking.start, zone).time}–{partsIn(booking.end, zone).time}
                            </Typography>
                            <Typography variant="pi" tag="p">
                              {visitorName(booking)}
                            </Typography>
                            <Typography variant="pi" tag="p" textColor="neutral600">
                              {booking.meetingType.title ?? booking.meetingType.slug}
                            </Typography>
                            <Flex gap={1} paddingTop={1} wrap="wrap">
                              {statusBadge(booking)}
                              {booking.changeable && (
                                <CancelBookingButton booking={booking} onDone={bookings.refetch} />
                              )}
                            </Flex>
                          </Box>
                        ))}
                      </Flex>
                    </Box>
                  </Grid.Item>
                );
              })}
            </Grid.Root>
          )}
        </Flex>
      )}
    </PluginPage>
  );
};
