import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { SessionPage } from './SessionPage';
import { WebinarsPage } from './WebinarsPage';

// the menu link's page (lazy-loaded default export)
export default pluginApp([
  { permissions: PERMISSIONS.read, element: <WebinarsPage /> },
  { path: 'sessions/:documentId', permissions: PERMISSIONS.read, element: <SessionPage /> },
]);
