import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { AuditLogPage } from './AuditLogPage';
import { ReleasesPage } from './ReleasesPage';

export const App = () => (
  <PluginRoutes
    routes={[
      { permissions: PERMISSIONS.releasesRead, element: <ReleasesPage /> },
      { path: 'audit-log', permissions: PERMISSIONS.auditRead, element: <AuditLogPage /> },
    ]}
  />
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
