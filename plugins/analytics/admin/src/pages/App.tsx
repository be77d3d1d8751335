import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { DashboardPage } from './DashboardPage';

export const App = () => <PluginRoutes routes={[{ permissions: PERMISSIONS.read, element: <DashboardPage /> }]} />;

// The admin lazy-loads the menu link's page through a default export.
export default App;
