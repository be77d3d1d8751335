import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { ConnectionsPage } from './ConnectionsPage';
import { OAuthCallbackPage } from './OAuthCallbackPage';

export const App = () => (
  <PluginRoutes
    routes={[
      { permissions: PERMISSIONS.manage, element: <ConnectionsPage /> },
      // GOOGLE_OAUTH_REDIRECT_URI: Google sends the admin's browser back here
      { path: 'oauth/callback', permissions: PERMISSIONS.manage, element: <OAuthCallbackPage /> },
    ]}
  />
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
