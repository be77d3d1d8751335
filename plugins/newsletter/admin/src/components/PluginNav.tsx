import { Flex, LinkButton } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { Link, useLocation } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { useT } from '../utils/useT';

/** Links between the newsletter's pages, under each page's header. */
export const PluginNav = () => {
  const t = useT();
  const { pathname } = useLocation();
  // the settings are the Admin role's: the link shows only to who may open them
  const { allowedActions } = useRBAC(PERMISSIONS.settings);
  const base = pathname.replace(/\/plugins\/newsletter.*$/, '/plugins/newsletter');
  const pages = [
    { to: base, label: t('nav.campaigns', 'Campaigns'), current: pathname === base || pathname.includes('/campaigns') },
    { to: `${base}/segments`, label: t('nav.segments', 'Segments'), current: pathname.endsWith('/segments') },
    { to: `${base}/topics`, label: t('nav.topics', 'Topics'), current: pathname.endsWith('/topics') },
    allowedActions.canManage && {
      to: `${base}/settings`,
      label: t('nav.settings', 'Settings'),
      current: pathname.endsWith('/settings'),
    },
  ].filter((page) => page !== false);
  return (
    <Flex tag="nav" gap={2} aria-label={t('nav.label', 'Newsletter pages')}>
      {pages.map((page) => (
        <LinkButton
          key={page.to}
          tag={Link}
          to={page.to}
          size="S"
          variant={page.current ? 'secondary' : 'tertiary'}
          aria-current={page.current ? 'page' : undefined}
        >
          {page.label}
        </LinkButton>
      ))}
    </Flex>
  );
};
