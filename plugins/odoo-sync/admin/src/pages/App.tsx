import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { StatusPage } from './StatusPage';

export const App = () => <PluginRoutes routes={[{ permissions: PERMISSIONS.read, element: <StatusPage /> }]} />;

// The admin lazy-loads the menu link's page through a default export.
export default App;
