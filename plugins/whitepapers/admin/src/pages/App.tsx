import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { PaperStatsPage } from './PaperStatsPage';
import { PapersPage } from './PapersPage';

// the menu link's page (lazy-loaded default export)
export default pluginApp([
  { permissions: PERMISSIONS.read, element: <PapersPage /> },
  { path: ':documentId', permissions: PERMISSIONS.read, element: <PaperStatsPage /> },
]);
