import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { LeadsMobileNav, LeadsNav } from '../components/LeadsNav';
import { PERMISSIONS } from '../permissions';
import { ContactDetailPage } from './ContactDetailPage';
import { ContactsListPage } from './ContactsListPage';
import { EmailsPage } from './EmailsPage';
import { OutboxPage } from './OutboxPage';

export const App = () => (
  <Layouts.Root sideNav={<LeadsNav />}>
    <LeadsMobileNav />
    <Routes>
      <Route
        index
        element={
          <Page.Protect permissions={PERMISSIONS.contactsRead}>
            <ContactsListPage />
          </Page.Protect>
        }
      />
      <Route
        path="contacts/:documentId"
        element={
          <Page.Protect permissions={PERMISSIONS.contactsRead}>
            <ContactDetailPage />
          </Page.Protect>
        }
      />
      <Route
        path="outbox"
        element={
          <Page.Protect permissions={PERMISSIONS.outboxRead}>
            <OutboxPage />
          </Page.Protect>
        }
      />
      <Route
        path="emails"
        element={
          <Page.Protect permissions={PERMISSIONS.outboxRead}>
            <EmailsPage />
          </Page.Protect>
        }
      />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Layouts.Root>
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
