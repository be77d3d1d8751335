import * as React from 'react';
import {
  ConfirmDialog,
  CountCard,
  Section,
  useAdminAction,
  useAdminQuery,
  PluginPage,
} from '@magnetiq/plugin-kit/admin';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Clock, Cross, Eye, PaperPlane } from '@strapi/icons';
import { BackButton, Page, useAuth, useFetchClient, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';
import { BlocksEditor, cleanBlock } from '../components/BlocksEditor';
import { PluginNav } from '../components/PluginNav';
import { StatusBadge } from '../components/StatusBadge';
import { PERMISSIONS } from '../permissions';
import type { Campaign, CampaignStats, DataResponse, Rendered, Segment, Variant } from '../types';
import { useT } from '../utils/useT';

/** The languages a campaign can be written in (the CMS's locales). */
const LOCALES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
] as const;
type Locale = (typeof LOCALES)[number]['code'];

interface FormState {
  name: string;
  defaultLocale: Locale;
  /** '' = every subscriber */
  segment: string;
  included: Record<Locale, boolean>;
  variants: Record<Locale, Variant>;
}

const emptyVariant = (): Variant => ({ subject: '', preheader: '', blocks: [{ type: 'text', text: '' }] });

const fromCampaign = (campaign: Campaign | null): FormState => {
  const variants = { en: emptyVariant(), de: emptyVariant() };
  const included = { en: false, de: false };
  for (const { code } of LOCALES) {
    const variant = campaign?.variants[code];
    if (variant) {
      variants[code] = { ...variant, preheader: variant.preheader ?? '' };
      included[code] = true;
    }
  }
  if (!campaign) included.en = true;
  return {
    name: campaign?.name ?? '',
    defaultLocale: (campaign?.defaultLocale as Locale) ?? 'en',
    segment: campaign?.segment ? String(campaign.segment) : '',
    included,
    variants,
  };
};

const toBody = (form: FormState) => ({
  name: form.name.trim(),
  defaultLocale: form.defaultLocale,
  segment: form.segment ? Number(form.segment) : null,
  variants: Object.fromEntries(
    LOCALES.filter(({ code }) => form.included[code]).map(({ code }) => {
      const variant = form.variants[code];
      return [
        code,
        {
          subject: variant.subject.trim(),
          preheader: variant.preheader?.trim() || null,
          blocks: variant.blocks.map(cleanBlock),
        },
      ];
    }),
  ),
});

/** `datetime-local` value (the admin's local time) of an instant an hour from now. */
const inAnHour = () => {
  const at = new Date(Date.now() + 3600_000);
  at.setSeconds(0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

const RATES = { delivered: 'deliveryRate', bounced: 'bounceRate', opened: 'openRate', clicked: 'clickRate' } as const;

const CampaignStatsCards = ({ id }: { id: number }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const stats = useAdminQuery<DataResponse<CampaignStats>>(`/newsletter/campaigns/${id}/stats`);
  if (!stats.data) return null;
  const s = stats.data.data;
  const percent = (rate: number) => formatNumber(rate, { style: 'percent', maximumFractionDigits: 1 });
  return (
    <Section title={t('stats.title', 'Statistics')}>
      <Flex tag="dl" gap={4} wrap="wrap">
        <CountCard label={t('stats.recipients', 'Recipients')} count={s.recipients} />
        <CountCard label={t('stats.sent', 'Sent')} count={s.sent} />
        <CountCard label={t('stats.suppressed', 'Suppressed')} count={s.suppressed} />
        {(Object.keys(RATES) as Array<keyof typeof RATES>).map((key) => (
          <CountCard
            key={key}
            label={t(`stats.${key}`, key)}
            count={s[key]}
            caption={percent(s[RATES[key]])}
            isAlarming={key === 'bounced' && s.bounceRate > 0.05}
          />
        ))}
        <CountCard
          label={t('stats.unsubscribed', 'Unsubscribed')}
          count={s.unsubscribed}
          caption={percent(s.unsubscribeRate)}
        />
        <CountCard label={t('stats.spam', 'Spam complaints')} count={s.spam} isAlarming={s.spam > 0} />
      </Flex>
    </Section>
  );
};

/** Preview, test-send, schedule, send now and cancel of a saved campaign. */
const CampaignActions = ({ campaign, onChanged }: { campaign: Campaign; onChanged: () => void }) => {
  const t = useT();
  const { formatNumber } = useIntl();
  const { get, post } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.send);
  const { allowedActions: manage } = useRBAC(PERMISSIONS.manage);
  const ownEmail = useAuth('NewsletterCampaign', (auth) => auth.user?.email) ?? '';
  const action = useAdminAction(t('notification.error', 'Something went wrong. Please try again.'));
  const audience = useAdminQuery<DataResponse<{ count: number }>>(`/newsletter/campaigns/${campaign.id}/audience`);
  const [preview, setPreview] = React.useState<(Rendered & { locale: string }) | null>(null);
  const [testEmail, setTestEmail] = React.useState(ownEmail);
  const [at, setAt] = React.useState(inAnHour);
  const locales = Object.keys(campaign.variants);
  const canSend = allowedActions.canSend;
  const isOpen = campaign.status === 'draft' || campaign.status === 'scheduled';

  const showPreview = (locale: string) =>
    action.run(async () => {
      const { data } = await get<DataResponse<Rendered>>(`/newsletter/campaigns/${campaign.id}/preview`, {
        params: { locale },
      });
      setPreview({ ...data.data, locale });
    }, `preview-${locale}`);

  const testSend = () =>
    action.run(async () => {
      await post(`/newsletter/campaigns/${campaign.id}/test`, { email: testEmail.trim() });
      return t('actions.testSent', 'A test is on its way to {email}', { email: testEmail.trim() });
    }, 'test');

  const schedule = () =>
    action.run(async () => {
      await post(`/newsletter/campaigns/${campaign.id}/schedule`, { at: new Date(at).toISOString() });
      onChanged();
      return t('actions.scheduled', 'The campaign is scheduled');
    }, 'schedule');

  const sendNow = () =>
    action.run(async () => {
      await post(`/newsletter/campaigns/${campaign.id}/send`, {});
      onChanged();
      return t('actions.sending', 'The campaign is being sent');
    }, 'send');

  const cancel = () =>
    action.run(async () => {
      await post(`/newsletter/campaigns/${campaign.id}/cancel`, {});
      onChanged();
      return t('actions.cancelled', 'The campaign is cancelled');
    }, 'cancel');

  return (
    <Section
      title={t('actions.title', 'Preview and send')}
      description={
        audience.data
          ? t('actions.audience', 'Its segment has {count} subscribers now.', {
              count: formatNumber(audience.data.data.count),
            })
          : undefined
      }
    >
      <Flex gap={2} wrap="wrap">
        {manage.canManage
          ? locales.map((locale) => (
              <Button
                key={locale}
                variant="secondary"
                startIcon={<Eye />}
                loading={action.busy === `preview-${locale}`}
                onClick={() => showPreview(locale)}
              >
                {t('actions.preview', 'Preview ({locale})', { locale })}
              </Button>
            ))
          : null}
        {canSend && campaign.status === 'scheduled' ? (
          <Button variant="danger-light" startIcon={<Cross />} loading={action.busy === 'cancel'} onClick={cancel}>
            {t('actions.unschedule', 'Cancel schedule')}
          </Button>
        ) : null}
        {canSend && campaign.status === 'sending' ? (
          <Button variant="danger-light" startIcon={<Cross />} loading={action.busy === 'cancel'} onClick={cancel}>
            {t('actions.cancel', 'Cancel sending')}
          </Button>
        ) : null}
      </Flex>
      {canSend && isOpen ? (
        <Grid.Root gap={4}>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch" gap={2}>
            <Field.Root name="testEmail" hint={t('actions.testHint', 'Only your own address is allowed')}>
              <Field.Label>{t('actions.testEmail', 'Test address')}</Field.Label>
              <Field.Input
                type="email"
                value={testEmail}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTestEmail(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>
            <Box>
              <Button
                variant="secondary"
                startIcon={<PaperPlane />}
                loading={action.busy === 'test'}
                disabled={!testEmail.trim()}
                onClick={testSend}
              >
                {t('actions.test', 'Send test')}
              </Button>
            </Box>
          </Grid.Item>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch" gap={2}>
            <Field.Root name="scheduleAt" hint={t('actions.scheduleHint', 'Your local time')}>
              <Field.Label>{t('actions.scheduleAt', 'Send at')}</Field.Label>
              <Field.Input
                type="datetime-local"
                value={at}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => setAt(event.target.value)}
              />
              <Field.Hint />
            </Field.Root>
            <Flex gap={2}>
              <Button
                variant="secondary"
                startIcon={<Clock />}
                loading={action.busy === 'schedule'}
                disabled={!at}
                onClick={schedule}
              >
                {t('actions.schedule', 'Schedule')}
              </Button>
              <ConfirmDialog
                trigger={<Button startIcon={<PaperPlane />}>{t('actions.sendNow', 'Send now')}</Button>}
                title={t('actions.confirmTitle', 'Send this campaign now?')}
                cancelLabel={t('actions.keep', 'Not now')}
                confirmLabel={t('actions.sendNow', 'Send now')}
                confirmVariant="default"
                onConfirm={sendNow}
              >
                {t('actions.confirmBody', 'It goes to {count} subscribers; this cannot be undone.', {
                  count: audience.data ? formatNumber(audience.data.data.count) : '…',
                })}
              </ConfirmDialog>
            </Flex>
          </Grid.Item>
        </Grid.Root>
      ) : null}
      {preview ? (
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography variant="delta" tag="h3">
            {t('actions.previewOf', 'Preview ({locale}): {subject}', {
              locale: preview.locale,
              subject: preview.subject,
            })}
          </Typography>
          {/* sandboxed: the email's HTML runs no script and reaches nothing of the admin */}
          <iframe
            title={t('actions.previewFrame', 'Email preview')}
            sandbox=""
            srcDoc={preview.html}
            style={{ width: '100%', height: '32rem', border: '1px solid #dcdce4', borderRadius: 4, background: '#fff' }}
          />
        </Flex>
      ) : null}
    </Section>
  );
};

/** The editor of a campaign: name, segment, a variant per language with its blocks. */
const CampaignEditor = ({ campaign, onSaved }: { campaign: Campaign | null; onSaved: () => void }) => {
  const t = useT();
  const navigate = useNavigate();
  const { post, put } = useFetchClient();
  const { allowedActions } = useRBAC(PERMISSIONS.manage);
  const segments = useAdminQuery<DataResponse<Segment[]>>('/newsletter/segments');
  const action = useAdminAction(t('notification.error', 'Something went wrong. Please try again.'));
  const [form, setForm] = React.useState<FormState>(() => fromCampaign(campaign));
  const editable = allowedActions.canManage && (!campaign || campaign.status === 'draft');
  const title = campaign ? campaign.name : t('campaign.new', 'New campaign');

  const setVariant = (locale: Locale, change: Partial<Variant>) =>
    setForm((previous) => ({
      ...previous,
      variants: { ...previous.variants, [locale]: { ...previous.variants[locale], ...change } },
    }));

  const save = () =>
    action.run(async () => {
      const body = toBody(form);
      if (campaign) {
        await put(`/newsletter/campaigns/${campaign.id}`, body);
        onSaved();
      } else {
        const { data } = await post<DataResponse<Campaign>>('/newsletter/campaigns', body);
        navigate(`../${data.data.id}`, { relative: 'path', replace: true });
      }
      return t('campaign.saved', 'Campaign saved');
    }, 'save');

  const included = LOCALES.filter(({ code }) => form.included[code]);

  return (
    <PluginPage
      navigationAction={<BackButton />}
      title={title}
      subtitle={campaign ? <StatusBadge status={campaign.status} /> : undefined}
      primaryAction={
        editable ? (
          <Button onClick={save} loading={action.busy === 'save'} disabled={!form.name.trim() || !included.length}>
            {t('campaign.save', 'Save')}
          </Button>
        ) : undefined
      }
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <PluginNav />
        {campaign ? <CampaignActions campaign={campaign} onChanged={onSaved} /> : null}
        {campaign && campaign.status !== 'draft' ? <CampaignStatsCards id={campaign.id} /> : null}
        <Section title={t('campaign.settings', 'Campaign')}>
          <Grid.Root gap={4}>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="name" required hint={t('campaign.nameHint', 'Internal; readers do not see it')}>
                <Field.Label>{t('campaign.name', 'Name')}</Field.Label>
                <Field.Input
                  value={form.name}
                  disabled={!editable}
                  maxLength={200}
                  onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                    setForm((previous) => ({ ...previous, name: event.target.value }))
                  }
                />
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root name="segment">
                <Field.Label>{t('campaign.segment', 'Segment')}</Field.Label>
                <SingleSelect
                  value={form.segment}
                  disabled={!editable}
                  onChange={(value: string | number) =>
                    setForm((previous) => ({ ...previous, segment: String(value) }))
                  }
                >
                  <SingleSelectOption value="">{t('campaign.allSubscribers', 'All subscribers')}</SingleSelectOption>
                  {(segments.data?.data ?? []).map((segment) => (
                    <SingleSelectOption key={segment.id} value={String(segment.id)}>
                      {segment.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Grid.Item>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch" gap={2}>
              <Typography variant="pi" fontWeight="bold">
                {t('campaign.languages', 'Languages')}
              </Typography>
              <Flex gap={4}>
                {LOCALES.map(({ code, name }) => (
                  <Checkbox
                    key={code}
                    checked={form.included[code]}
                    disabled={!editable}
                    onCheckedChange={(checked: boolean | 'indeterminate') =>
                      setForm((previous) => ({
                        ...previous,
                        included: { ...previous.included, [code]: checked === true },
                      }))
                    }
                  >
                    {`${name} (${code})`}
                  </Checkbox>
                ))}
              </Flex>
            </Grid.Item>
            <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root
                name="defaultLocale"
                hint={t('campaign.defaultHint', 'For readers of a language without its own variant')}
              >
                <Field.Label>{t('campaign.defaultLocale', 'Default language')}</Field.Label>
                <SingleSelect
                  value={form.defaultLocale}
                  disabled={!editable}
                  onChange={(value: string | number) =>
                    setForm((previous) => ({ ...previous, defaultLocale: value as Locale }))
                  }
                >
                  {LOCALES.map(({ code, name }) => (
                    <SingleSelectOption key={code} value={code}>
                      {`${name} (${code})`}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
              </Field.Root>
            </Grid.Item>
          </Grid.Root>
        </Section>
        {included.map(({ code, name }) => (
          <Section key={code} title={t('campaign.variant', 'Email in {language}', { language: `${name} (${code})` })}>
            <Grid.Root gap={4}>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root name={`${code}-subject`} required>
                  <Field.Label>{t('campaign.subject', 'Subject ({locale})', { locale: code })}</Field.Label>
                  <Field.Input
                    value={form.variants[code].subject}
                    disabled={!editable}
                    maxLength={200}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      setVariant(code, { subject: event.target.value })
                    }
                  />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root
                  name={`${code}-preheader`}
                  hint={t('campaign.preheaderHint', 'The line inboxes show after the subject')}
                >
                  <Field.Label>{t('campaign.preheader', 'Preheader ({locale})', { locale: code })}</Field.Label>
                  <Field.Input
                    value={form.variants[code].preheader ?? ''}
                    disabled={!editable}
                    maxLength={200}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                      setVariant(code, { preheader: event.target.value })
                    }
                  />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
            </Grid.Root>
            <BlocksEditor
              idPrefix={code}
              blocks={form.variants[code].blocks}
              disabled={!editable}
              onChange={(blocks) => setVariant(code, { blocks })}
            />
          </Section>
        ))}
      </Flex>
    </PluginPage>
  );
};

const ExistingCampaign = ({ id }: { id: string }) => {
  const campaign = useAdminQuery<DataResponse<Campaign>>(`/newsletter/campaigns/${id}`);
  if (!campaign.data && campaign.error) return <Page.Error />;
  if (!campaign.data) return <Page.Loading />;
  // keyed by the last change: a save or a send shows the server's state
  const data = campaign.data.data;
  return <CampaignEditor key={`${data.id}:${data.updatedAt}`} campaign={data} onSaved={campaign.refetch} />;
};

/** `campaigns/new` or `campaigns/:id`. */
export const CampaignPage = () => {
  const { id } = useParams();
  return id ? <ExistingCampaign id={id} /> : <CampaignEditor campaign={null} onSaved={() => undefined} />;
};
