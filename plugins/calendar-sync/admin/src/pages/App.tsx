import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { ConnectionsPage } from './ConnectionsPage';

export const App = () => (
  <PluginRoutes
    routes={[
      { permissions: PERMISSIONS.manage, element: <ConnectionsPage /> },
    ]}
  />
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
