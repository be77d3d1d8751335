import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { ConnectionsPage } from './ConnectionsPage';
import { OAuthCallbackPage } from './OAuthCallbackPage';

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
    <Route
      path="oauth/callback"
      element={
        <Page.Protect permissions={PERMISSIONS.manage}>
          <OAuthCallbackPage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
