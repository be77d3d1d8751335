import { TableHead } from '@magnetiq/plugin-kit/admin';
import { Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { useIntl, type MessageDescriptor } from 'react-intl';
import type { FieldMapping } from '../types';
import { getTranslation } from '../utils/getTranslation';

/**
 * Translations of the server's mapping descriptions, keyed by Odoo field. The server's English
 * text is the default message, and a row the admin does not know yet is shown as the server sent it.
 */
const DESCRIPTIONS: Record<string, MessageDescriptor> = Object.fromEntries(
  [
    'res.partner.email',
    'res.partner.name / phone / function',
    'res.partner.parent_id',
    'res.partner.ref',
    'crm.lead.name',
    'crm.lead.contact_name / partner_name / email_from / phone',
    'crm.lead.description',
    'crm.lead.source_id / medium_id / campaign_id',
    'crm.lead.tag_ids',
    'crm.lead.lang_id, res.partner.lang',
  ].map((odoo) => [odoo, { id: getTranslation(`mapping.${odoo}`) }]),
);

/** Which Odoo field receives which Magnetiq data; read-only, the mapping lives in the server code. */
export const FieldMappingTable = ({ mapping }: { mapping: FieldMapping[] }) => {
  const { formatMessage } = useIntl();

  // The descriptions contain placeholders such as "<title>", which are text and not ICU tags.
  const describe = ({ odoo, ours }: FieldMapping) => {
    const description = DESCRIPTIONS[odoo];
    return description ? formatMessage({ ...description, defaultMessage: ours }, undefined, { ignoreTag: true }) : ours;
  };

  return (
    <Table colCount={2} rowCount={mapping.length + 1}>
      <TableHead
        columns={[
          formatMessage({ id: getTranslation('mapping.odoo'), defaultMessage: 'Odoo field' }),
          formatMessage({ id: getTranslation('mapping.ours'), defaultMessage: 'Magnetiq data' }),
        ]}
      />
      <Tbody>
        {mapping.map((row) => (
          <Tr key={row.odoo}>
            <Td>
              <Typography fontWeight="semiBold" textColor="neutral800">
                <code>{row.odoo}</code>
              </Typography>
            </Td>
            <Td>
              <Typography textColor="neutral800">{describe(row)}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
