import { Flex, LinkButton } from '@strapi/design-system';
import { Link, useLocation } from 'react-router-dom';
import { useT } from '../utils/useT';

/** Links between the newsletter's pages, under each page's header. */
export const PluginNav = () => {
  const t = useT();
  const { pathname } = useLocation();
  const base = pathname.replace(/\/plugins\/newsletter.*$/, '/plugins/newsletter');
  const pages = [
    { to: base, label: t('nav.campaigns', 'Campaigns'), current: pathname === base || pathname.includes('/campaigns') },
    { to: `${base}/segments`, label: t('nav.segments', 'Segments'), current: pathname.endsWith('/segments') },
    { to: `${base}/topics`, label: t('nav.topics', 'Topics'), current: pathname.endsWith('/topics') },
  ];
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
