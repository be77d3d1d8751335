import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { ConnectionsPage } from './ConnectionsPage';
import { OAuthCallbackPage } from './OAuthCallbackPage';

// the menu link's page (lazy-loaded default export)
export default pluginApp([
  { permissions: PERMISSIONS.manage, element: <ConnectionsPage /> },
  // GOOGLE_OAUTH_REDIRECT_URI: Google sends the admin's browser back here
  { path: 'oauth/callback', permissions: PERMISSIONS.manage, element: <OAuthCallbackPage /> },
]);
