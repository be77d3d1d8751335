import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { AuditLogPage } from './AuditLogPage';
import { ReleasesPage } from './ReleasesPage';

// the menu link's page (lazy-loaded default export)
export default pluginApp([
  { permissions: PERMISSIONS.releasesRead, element: <ReleasesPage /> },
  { path: 'audit-log', permissions: PERMISSIONS.auditRead, element: <AuditLogPage /> },
]);
