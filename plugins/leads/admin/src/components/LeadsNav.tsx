import { Box, Divider, Flex, LinkButton } from '@strapi/design-system';
import { SubNav, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { NavLink, useMatch } from 'react-router-dom';
import { paths } from '../paths';
import { PERMISSIONS } from '../permissions';
import { getTranslation } from '../utils/getTranslation';

const useNavLinks = () => {
  const { formatMessage } = useIntl();
  const {
    allowedActions: { canRead: canReadOutbox },
  } = useRBAC(PERMISSIONS.outboxRead);
  // The contact list is the index route, so NavLink alone would not mark it active on a contact.
  const isOnContact = useMatch(`${paths.contacts}/contacts/*`) !== null;

  const links = [
    {
      to: paths.contacts,
      label: formatMessage({ id: getTranslation('nav.contacts'), defaultMessage: 'Contacts' }),
      forceActive: isOnContact,
    },
  ];
  if (canReadOutbox) {
    links.push(
      {
        to: paths.outbox,
        label: formatMessage({ id: getTranslation('nav.outbox'), defaultMessage: 'Outbox' }),
        forceActive: false,
      },
      {
        to: paths.emails,
        label: formatMessage({ id: getTranslation('nav.emails'), defaultMessage: 'Emails' }),
        forceActive: false,
      },
    );
  }
  return links;
};

/** The side navigation between the plugin's pages (desktop; Strapi hides side navs on small screens). */
export const LeadsNav = () => {
  const { formatMessage } = useIntl();
  const links = useNavLinks();
  const title = formatMessage({ id: getTranslation('plugin.name'), defaultMessage: 'Leads' });

  return (
    <SubNav.Main aria-label={title}>
      <SubNav.Header label={title} />
      <Divider />
      <SubNav.Content>
        <Box paddingTop={4} paddingLeft={2} paddingRight={2}>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={1}>
            {links.map((link) => (
              <li key={link.to}>
                <SubNav.Link to={link.to} end label={link.label} className={link.forceActive ? 'active' : undefined} />
              </li>
            ))}
          </Flex>
        </Box>
      </SubNav.Content>
    </SubNav.Main>
  );
};

/** The same links as buttons, for screens where the side navigation is hidden. */
export const LeadsMobileNav = () => {
  const links = useNavLinks();

  return (
    <Box display={{ initial: 'block', medium: 'none' }} paddingTop={4} paddingLeft={4} paddingRight={4}>
      <Flex gap={2} wrap="wrap">
        {links.map((link) => (
          <LinkButton key={link.to} tag={NavLink} to={link.to} end variant="tertiary" size="S">
            {link.label}
          </LinkButton>
        ))}
      </Flex>
    </Box>
  );
};
