import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { SessionPage } from './SessionPage';
import { WebinarsPage } from './WebinarsPage';

export const App = () => (
  <Routes>
    <Route
      index
      element={
        <Page.Protect permissions={PERMISSIONS.read}>
          <WebinarsPage />
        </Page.Protect>
      }
    />
    <Route
      path="sessions/:documentId"
      element={
        <Page.Protect permissions={PERMISSIONS.read}>
          <SessionPage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
