import * as React from 'react';
import {
  ConfirmDialog,
  DateTime,
  PluginPage,
  Section,
  useAdminAction,
  useAdminQuery,
} from '@magnetiq/plugin-kit/admin';
import { Badge, Button, Field, Flex, TextInput, Textarea, Typography } from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { PluginNav } from '../components/PluginNav';
import type { DataResponse, NewsletterSettings, SuppressionStatus } from '../types';
import { useT } from '../utils/useT';

/** The postal address every campaign carries (the server wants 10 to 500 characters). */
const AddressSection = ({ saved, onSaved }: { saved: string; onSaved: () => void }) => {
  const t = useT();
  const { put } = useFetchClient();
  const action = useAdminAction(t('notification.error', 'Something went wrong. Please try again.'));
  const [address, setAddress] = React.useState(saved);
  const label = t('settings.address', 'Postal address');
  // the server wants 10 to 500 characters; an unchanged address is not saved again
  const savable = address.trim().length >= 10 && address.trim() !== saved.trim();
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await put('/newsletter/settings', { physicalAddress: address.trim() });
      onSaved();
      return t('settings.saved', 'The postal address is saved. Campaigns carry it from now on.');
    });
  };
  return (
    <Section
      title={label}
      description={t(
        'settings.addressDescription',
        'Every campaign shows it in its footer (CAN-SPAM, § 5 TMG); without one, no campaign is sent.',
      )}
    >
      <form onSubmit={save}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root
            name="physicalAddress"
            required
            hint={t('settings.addressHint', 'Company name, street, postcode and town, country: 10 to 500 characters.')}
          >
            <Field.Label>{label}</Field.Label>
            <Textarea
              value={address}
              maxLength={500}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setAddress(event.target.value)}
            />
            <Field.Hint />
          </Field.Root>
          <Flex>
            <Button type="submit" loading={action.isBusy} disabled={!savable}>
              {t('settings.saveAddress', 'Save address')}
            </Button>
          </Flex>
        </Flex>
      </form>
    </Section>
  );
};

/**
 * Whether an address is suppressed (bounced, blocked, reported as spam, unsubscribed at SendGrid)
 * and why; a delivery suppression can be lifted once the address works again. The address is sent
 * in a POST body, never in a URL.
 */
const SuppressionSection = () => {
  const t = useT();
  const { post } = useFetchClient();
  const action = useAdminAction(t('notification.error', 'Something went wrong. Please try again.'));
  const [email, setEmail] = React.useState('');
  const [found, setFound] = React.useState<{ email: string; status: SuppressionStatus } | null>(null);
  const liftLabel = t('suppression.lift', 'Lift suppression');
  const liftWarning = t(
    'suppression.liftBody',
    'Only when the address works again: its subscriptions get newsletters from the next campaign on.',
  );

  const lookUp = (event: React.FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    void action.run(async () => {
      const { data } = await post<DataResponse<SuppressionStatus>>('/newsletter/suppressions/lookup', {
        email: address,
      });
      setFound({ email: address, status: data.data });
    }, 'lookup');
  };
  const lift = () =>
    action.run(async () => {
      if (!found) return;
      await post('/newsletter/suppressions/remove', { email: found.email });
      setFound({ email: found.email, status: { suppressed: false } });
      return t('suppression.lifted', 'The suppression is lifted: the address gets newsletters again.');
    }, 'lift');

  return (
    <Section
      title={t('suppression.title', 'Suppressed addresses')}
      description={t(
        'suppression.description',
        'Addresses SendGrid reported as bounced, blocked, spam or unsubscribed get no newsletter. Look one up by its email address.',
      )}
    >
      <form onSubmit={lookUp}>
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="suppressionEmail">
            <Field.Label>{t('suppression.email', 'Email address')}</Field.Label>
            <TextInput
              type="email"
              value={email}
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setEmail(event.target.value)}
            />
          </Field.Root>
          <Button type="submit" variant="secondary" loading={action.busy === 'lookup'} disabled={!email.trim()}>
            {t('suppression.lookUp', 'Look up')}
          </Button>
        </Flex>
      </form>
      {found ? (
        <Flex direction="column" alignItems="flex-start" gap={2} role="status">
          {found.status.suppressed ? (
            <>
              <Typography>
                {t('suppression.found', '{email} is suppressed', { email: found.email })}{' '}
                <Badge>{t(`suppression.scope.${found.status.scope}`, found.status.scope)}</Badge>{' '}
                <Badge>{t(`suppression.kind.${found.status.kind}`, found.status.kind)}</Badge>
              </Typography>
              <Typography textColor="neutral600">
                {t('suppression.reason', 'Reason: {reason}', { reason: found.status.reason })} ·{' '}
                {t('suppression.since', 'since')} <DateTime value={found.status.since} />
              </Typography>
              <ConfirmDialog
                trigger={<Button variant="danger-light">{liftLabel}</Button>}
                title={t('suppression.liftTitle', 'Lift this suppression?')}
                cancelLabel={t('suppression.keep', 'Keep it')}
                confirmLabel={liftLabel}
                onConfirm={lift}
              >
                {liftWarning}
              </ConfirmDialog>
            </>
          ) : (
            <Typography>{t('suppression.none', '{email} is not suppressed.', { email: found.email })}</Typography>
          )}
        </Flex>
      ) : null}
    </Section>
  );
};

/** The newsletter's settings (Admin role): the postal address and the suppression list. */
export const SettingsPage = () => {
  const t = useT();
  const settings = useAdminQuery<DataResponse<NewsletterSettings>>('/newsletter/settings');
  if (!settings.data && settings.error) return <Page.Error />;
  if (!settings.data) return <Page.Loading />;
  return (
    <PluginPage
      title={t('settings.title', 'Newsletter settings')}
      subtitle={t('settings.subtitle', 'The postal address of every campaign, and the suppressed addresses')}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <PluginNav />
        <AddressSection saved={settings.data.data.physicalAddress} onSaved={settings.refetch} />
        <SuppressionSection />
      </Flex>
    </PluginPage>
  );
};
