import { DATE_TIME_FORMAT } from '@magnetiq/plugin-kit/admin';
import { Link } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NavLink } from 'react-router-dom';
import { LEADS_OUTBOX_PATH } from '../paths';
import type { DeadLetter } from '../types';
import { getTranslation } from '../utils/getTranslation';
import { DismissibleAlert } from './DismissibleAlert';

/** The newest event that ran out of retries, with the way to the outbox where it is replayed. */
export const LastDeadLetter = ({ deadLetter }: { deadLetter: DeadLetter }) => {
  const { formatMessage, formatDate } = useIntl();

  return (
    <DismissibleAlert
      key={deadLetter.id}
      variant="danger"
      title={formatMessage(
        { id: getTranslation('lastDead.title'), defaultMessage: 'Last dead event: message {id}, {at}' },
        { id: deadLetter.id, at: formatDate(deadLetter.at, DATE_TIME_FORMAT) },
      )}
      action={
        <Link tag={NavLink} to={LEADS_OUTBOX_PATH}>
          {formatMessage({
            id: getTranslation('lastDead.replay'),
            defaultMessage: 'Replay dead events in the leads outbox',
          })}
        </Link>
      }
    >
      {deadLetter.error ||
        formatMessage({ id: getTranslation('lastDead.noError'), defaultMessage: 'No error message was recorded.' })}
    </DismissibleAlert>
  );
};
