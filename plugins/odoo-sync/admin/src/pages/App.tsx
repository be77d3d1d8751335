import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { StatusPage } from './StatusPage';

// the menu link's page (lazy-loaded default export)
export default pluginApp([{ permissions: PERMISSIONS.read, element: <StatusPage /> }]);
