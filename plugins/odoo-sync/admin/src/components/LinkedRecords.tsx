import { CountCard } from '@magnetiq/plugin-kit/admin';
import { Flex, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import { getTranslation } from '../utils/getTranslation';

/** What the Odoo models hold; other models are shown by their technical name only. */
const MODEL_LABELS: Record<string, MessageDescriptor> = {
  'res.partner': { id: getTranslation('linked.model.res.partner'), defaultMessage: 'Contacts and companies' },
  'crm.lead': { id: getTranslation('linked.model.crm.lead'), defaultMessage: 'CRM leads' },
};

/** How many Magnetiq records know their Odoo counterpart, per Odoo model. */
export const LinkedRecords = ({ linked }: { linked: Record<string, number> }) => {
  const { formatMessage } = useIntl();
  const models = Object.keys(linked).sort();

  if (models.length === 0) {
    return (
      <Typography textColor="neutral600">
        {formatMessage({ id: getTranslation('linked.empty'), defaultMessage: 'No record is linked to Odoo yet.' })}
      </Typography>
    );
  }

  return (
    <Flex gap={4} wrap="wrap" tag="dl">
      {models.map((model) => {
        const label = MODEL_LABELS[model];
        return (
          <CountCard
            key={model}
            label={label ? formatMessage(label) : model}
            count={linked[model] ?? 0}
            caption={label ? model : undefined}
          />
        );
      })}
    </Flex>
  );
};
