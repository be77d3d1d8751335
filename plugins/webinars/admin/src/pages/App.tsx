import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { SessionPage } from './SessionPage';
import { WebinarsPage } from './WebinarsPage';

export const App = () => (
  <PluginRoutes
    routes={[
      { permissions: PERMISSIONS.read, element: <WebinarsPage /> },
      { path: 'sessions/:documentId', permissions: PERMISSIONS.read, element: <SessionPage /> },
    ]}
  />
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
