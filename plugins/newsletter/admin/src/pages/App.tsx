import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { SegmentsPage } from './SegmentsPage';
import { SettingsPage } from './SettingsPage';
import { TopicsPage } from './TopicsPage';

// the menu link's page (lazy-loaded default export)
export default pluginApp([
  { permissions: PERMISSIONS.read, element: <CampaignsPage /> },
  {
    path: 'campaigns/new',
    permissions: PERMISSIONS.manage,
    element: <CampaignPage />,
  },
  {
    path: 'campaigns/:id',
    permissions: PERMISSIONS.read,
    element: <CampaignPage />,
  },
  {
    path: 'segments',
    permissions: PERMISSIONS.manage,
    element: <SegmentsPage />,
  },
  { path: 'topics', permissions: PERMISSIONS.read, element: <TopicsPage /> },
  { path: 'settings', permissions: PERMISSIONS.settings, element: <SettingsPage /> },
]);
