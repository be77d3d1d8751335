import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { Layouts } from '@strapi/strapi/admin';
import { LeadsMobileNav, LeadsNav } from '../components/LeadsNav';
import { PERMISSIONS } from '../permissions';
import { ContactDetailPage } from './ContactDetailPage';
import { ContactsListPage } from './ContactsListPage';
import { EmailsPage } from './EmailsPage';
import { OutboxPage } from './OutboxPage';

// the menu link's page (lazy-loaded default export): the leads pages beside their own navigation
export default pluginApp(
  [
    { permissions: PERMISSIONS.contactsRead, element: <ContactsListPage /> },
    { path: 'contacts/:documentId', permissions: PERMISSIONS.contactsRead, element: <ContactDetailPage /> },
    { path: 'outbox', permissions: PERMISSIONS.outboxRead, element: <OutboxPage /> },
    { path: 'emails', permissions: PERMISSIONS.outboxRead, element: <EmailsPage /> },
  ],
  (pages) => (
    <Layouts.Root sideNav={<LeadsNav />}>
      <LeadsMobileNav />
      {pages}
    </Layouts.Root>
  ),
);
