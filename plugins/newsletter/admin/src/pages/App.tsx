import { PluginRoutes } from '@magnetiq/plugin-kit/admin';
import { PERMISSIONS } from '../permissions';
import { CampaignPage } from './CampaignPage';
import { CampaignsPage } from './CampaignsPage';
import { SegmentsPage } from './SegmentsPage';
import { TopicsPage } from './TopicsPage';

export const App = () => (
  <PluginRoutes
    routes={[
      { permissions: PERMISSIONS.read, element: <CampaignsPage /> },
      { path: 'campaigns/new', permissions: PERMISSIONS.manage, element: <CampaignPage /> },
      { path: 'campaigns/:id', permissions: PERMISSIONS.read, element: <CampaignPage /> },
      { path: 'segments', permissions: PERMISSIONS.manage, element: <SegmentsPage /> },
      { path: 'topics', permissions: PERMISSIONS.read, element: <TopicsPage /> },
    ]}
  />
);

// The admin lazy-loads the menu link's page through a default export.
export default App;
