import * as React from 'react';
import { useNotifyError } from '@magnetiq/plugin-kit/admin';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Play } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { DataResponse, TestConnectionResult } from '../types';
import { getTranslation } from '../utils/getTranslation';

interface TestConnectionButtonProps {
  disabled?: boolean;
  /** The test updates the circuit and the last error on the server, so the status is reloaded. */
  onTested: () => void;
}

interface Outcome {
  ok: boolean;
  message: string;
}

/** Logs in to Odoo with the configured credentials and reports the answer here and as a notification. */
export const TestConnectionButton = ({ disabled = false, onTested }: TestConnectionButtonProps) => {
  const { formatMessage } = useIntl();
  const { post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const notifyError = useNotifyError(getTranslation);
  const [isTesting, setIsTesting] = React.useState(false);
  const [outcome, setOutcome] = React.useState<Outcome | null>(null);

  const describe = (result: TestConnectionResult): Outcome => {
    if (result.ok) {
      return {
        ok: true,
        message: formatMessage(
          {
            id: getTranslation('test.success'),
            defaultMessage: 'Connected to Odoo {version} over {protocol} as {user}',
          },
          { version: result.version, protocol: result.protocol === 'json2' ? 'JSON-2' : 'XML-RPC', user: result.user },
        ),
      };
    }
    const message = result.version
      ? formatMessage(
          { id: getTranslation('test.failedWithVersion'), defaultMessage: 'Odoo {version} answered, but: {error}' },
          { version: result.version, error: result.error },
        )
      : formatMessage(
          { id: getTranslation('test.failed'), defaultMessage: 'Connection failed: {error}' },
          { error: result.error },
        );
    return { ok: false, message };
  };

  const test = async () => {
    setIsTesting(true);
    setOutcome(null);
    try {
      const { data } = await post<DataResponse<TestConnectionResult>>('/odoo-sync/test-connection');
      const next = describe(data.data);
      toggleNotification({ type: next.ok ? 'success' : 'danger', message: next.message });
      setOutcome(next);
    } catch (error) {
      setOutcome({ ok: false, message: notifyError(error) });
    } finally {
      setIsTesting(false);
      onTested();
    }
  };

  return (
    <Flex direction="column" alignItems="flex-start" gap={2}>
      <Button variant="secondary" startIcon={<Play />} loading={isTesting} disabled={disabled} onClick={test}>
        {formatMessage({ id: getTranslation('test.button'), defaultMessage: 'Test connection' })}
      </Button>
      <div aria-live="polite">
        {outcome && <Typography textColor={outcome.ok ? 'success600' : 'danger600'}>{outcome.message}</Typography>}
      </div>
    </Flex>
  );
};
