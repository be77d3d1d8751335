import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { Layouts } from '@strapi/strapi/admin';
import { LeadsMobileNav, LeadsNav } from '../components/LeadsNav';
import { PERMISSIONS } from '../permissions';
import { ContactDetailPage } from './ContactDetailPage';
import { ContactsListPage } from './ContactsListPage';
import { EmailsPage } from './EmailsPage';
import { OutboxPage } from './OutboxPage';

export const App = () => (
  <Layouts.Root sideNav={<LeadsNav />}>
    <LeadsMobileNav />
    <PluginRoutes
      routes={[
        { permissions: PERMISSIONS.contactsRead, element: <ContactsListPage /> },
        { path: 'contacts/:documentId', permissions: PERMISSIONS.contactsRead, element: <ContactDetailPage /> },
        { path: 'outbox', permissions: PERMISSIONS.outboxRead, element: <OutboxPage /> },
        { path: 'emails', permissions: PERMISSIONS.outboxRead, element: <EmailsPage /> },
      ]}
    />
  </Layouts.Root>
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
