import * as React from 'react';
import { useAdminAction } from '@magnetiq/plugin-kit/admin';
import { Button, Field, Flex, Textarea } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';
import { zonedToUtc } from '../utils/zonedTime';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Berlin';

/** Adds a session (date) to a webinar: local start in its zone, duration, seats, join link. */
export const NewSessionForm = ({ webinar, onCreated }: { webinar: string; onCreated: () => void }) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const t = (id: string, defaultMessage: string) => formatMessage({ id: getTranslation(id), defaultMessage });
  const [values, setValues] = React.useState({
    start: '',
    minutes: '60',
    timeZone: browserZone(),
    capacity: '100',
    joinUrl: '',
    joinInstructions: '',
  });
  const action = useAdminAction(t('session.createFailed', 'The session could not be added'));
  const set = (name: keyof typeof values) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((previous) => ({ ...previous, [name]: event.target.value }));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    await action.run(async () => {
      const startsAt = zonedToUtc(values.start, values.timeZone);
      const endsAt = new Date(startsAt.getTime() + Number(values.minutes) * 60_000);
      await post(`/webinars/webinars/${webinar}/sessions`, {
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        timeZone: values.timeZone,
        capacity: Number(values.capacity),
        joinUrl: values.joinUrl || null,
        joinInstructions: values.joinInstructions || null,
      });
      onCreated();
      return t('session.created', 'Session added');
    });
  };

  return (
    <form onSubmit={submit}>
      <Flex gap={3} wrap="wrap" alignItems="flex-end">
        <Field.Root name="start" required>
          <Field.Label>{t('session.start', 'Start (local time)')}</Field.Label>
          <Field.Input type="datetime-local" value={values.start} onChange={set('start')} required />
        </Field.Root>
        <Field.Root name="minutes" required>
          <Field.Label>{t('session.minutes', 'Minutes')}</Field.Label>
          <Field.Input type="number" min={5} value={values.minutes} onChange={set('minutes')} />
        </Field.Root>
        <Field.Root name="timeZone" required>
          <Field.Label>{t('session.timeZone', 'Time zone')}</Field.Label>
          <Field.Input value={values.timeZone} onChange={set('timeZone')} />
        </Field.Root>
        <Field.Root name="capacity" required>
          <Field.Label>{t('session.capacity', 'Seats')}</Field.Label>
          <Field.Input type="number" min={0} value={values.capacity} onChange={set('capacity')} />
        </Field.Root>
        <Field.Root name="joinUrl" hint={t('session.joinHint', 'Only registered people see it')}>
          <Field.Label>{t('session.joinUrl', 'Join link')}</Field.Label>
          <Field.Input type="url" value={values.joinUrl} onChange={set('joinUrl')} />
        </Field.Root>
        <Field.Root name="joinInstructions">
          <Field.Label>{t('session.joinInstructions', 'Join instructions')}</Field.Label>
          <Textarea value={values.joinInstructions} onChange={set('joinInstructions')} />
        </Field.Root>
        <Button type="submit" startIcon={<Plus />} loading={action.isBusy} disabled={!values.start}>
          {t('session.add', 'Add session')}
        </Button>
      </Flex>
    </form>
  );
};
