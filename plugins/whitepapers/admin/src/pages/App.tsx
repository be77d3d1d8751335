import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { PaperStatsPage } from './PaperStatsPage';
import { PapersPage } from './PapersPage';

export const App = () => (
  <PluginRoutes
    routes={[
      { permissions: PERMISSIONS.read, element: <PapersPage /> },
      { path: ':documentId', permissions: PERMISSIONS.read, element: <PaperStatsPage /> },
    ]}
  />
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
