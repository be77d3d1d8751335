import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { ConnectionsPage } from './ConnectionsPage';

export const App = () => (
  <Routes>
    <Route
      index
      element={
        <Page.Protect permissions={PERMISSIONS.manage}>
          <ConnectionsPage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
