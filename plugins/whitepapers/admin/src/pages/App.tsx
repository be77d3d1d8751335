import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { PaperStatsPage } from './PaperStatsPage';
import { PapersPage } from './PapersPage';

export const App = () => (
  <Routes>
    <Route
      index
      element={
        <Page.Protect permissions={PERMISSIONS.read}>
          <PapersPage />
        </Page.Protect>
      }
    />
    <Route
      path=":documentId"
      element={
        <Page.Protect permissions={PERMISSIONS.read}>
          <PaperStatsPage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
