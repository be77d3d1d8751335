import { adminGuard as guarded } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default {
  type: 'admin' as const,
  routes: [
    { method: 'GET', path: '/topics', handler: 'admin.listTopics', config: guarded(ACTIONS.statsRead) },
    { method: 'POST', path: '/topics', handler: 'admin.createTopic', config: guarded(ACTIONS.topicsManage) },
    { method: 'PUT', path: '/topics/:id', handler: 'admin.updateTopic', config: guarded(ACTIONS.topicsManage) },
    { method: 'DELETE', path: '/topics/:id', handler: 'admin.deleteTopic', config: guarded(ACTIONS.topicsManage) },

    { method: 'GET', path: '/segments', handler: 'admin.listSegments', config: guarded(ACTIONS.campaignsManage) },
    {
      method: 'GET',
      path: '/segments/options',
      handler: 'admin.segmentOptions',
      config: guarded(ACTIONS.campaignsManage),
    },
    { method: 'POST', path: '/segments', handler: 'admin.createSegment', config: guarded(ACTIONS.campaignsManage) },
    { method: 'POST', path: '/segments/count', handler: 'admin.countFilter', config: guarded(ACTIONS.campaignsManage) },
    { method: 'PUT', path: '/segments/:id', handler: 'admin.updateSegment', config: guarded(ACTIONS.campaignsManage) },
    {
      method: 'DELETE',
      path: '/segments/:id',
      handler: 'admin.deleteSegment',
      config: guarded(ACTIONS.campaignsManage),
    },
    {
      method: 'GET',
      path: '/segments/:id/count',
      handler: 'admin.countSegment',
      config: guarded(ACTIONS.campaignsManage),
    },

    { method: 'GET', path: '/campaigns', handler: 'admin.listCampaigns', config: guarded(ACTIONS.statsRead) },
    { method: 'GET', path: '/stats/campaigns.csv', handler: 'admin.statsCsv', config: guarded(ACTIONS.statsRead) },
    { method: 'POST', path: '/campaigns', handler: 'admin.createCampaign', config: guarded(ACTIONS.campaignsManage) },
    { method: 'GET', path: '/campaigns/:id', handler: 'admin.getCampaign', config: guarded(ACTIONS.statsRead) },
    {
      method: 'PUT',
      path: '/campaigns/:id',
      handler: 'admin.updateCampaign',
      config: guarded(ACTIONS.campaignsManage),
    },
    {
      method: 'DELETE',
      path: '/campaigns/:id',
      handler: 'admin.deleteCampaign',
      config: guarded(ACTIONS.campaignsManage),
    },
    {
      method: 'GET',
      path: '/campaigns/:id/preview',
      handler: 'admin.previewCampaign',
      config: guarded(ACTIONS.campaignsManage),
    },
    {
      method: 'GET',
      path: '/campaigns/:id/audience',
      handler: 'admin.audienceCount',
      config: guarded(ACTIONS.campaignsManage),
    },
    { method: 'GET', path: '/campaigns/:id/stats', handler: 'admin.campaignStats', config: guarded(ACTIONS.statsRead) },
    { method: 'POST', path: '/campaigns/:id/test', handler: 'admin.testSend', config: guarded(ACTIONS.campaignsSend) },
    { method: 'POST', path: '/campaigns/:id/send', handler: 'admin.sendNow', config: guarded(ACTIONS.campaignsSend) },
    {
      method: 'POST',
      path: '/campaigns/:id/schedule',
      handler: 'admin.schedule',
      config: guarded(ACTIONS.campaignsSend),
    },
    { method: 'POST', path: '/campaigns/:id/cancel', handler: 'admin.cancel', config: guarded(ACTIONS.campaignsSend) },

    { method: 'GET', path: '/settings', handler: 'admin.readSettings', config: guarded(ACTIONS.settingsManage) },
    { method: 'PUT', path: '/settings', handler: 'admin.writeSettings', config: guarded(ACTIONS.settingsManage) },
    {
      method: 'POST',
      path: '/suppressions/lookup',
      handler: 'admin.findSuppression',
      config: guarded(ACTIONS.settingsManage),
    },
    {
      method: 'POST',
      path: '/suppressions/remove',
      handler: 'admin.removeSuppression',
      config: guarded(ACTIONS.settingsManage),
    },

    {
      method: 'GET',
      path: '/contacts/:documentId/history',
      handler: 'admin.contactHistory',
      config: guarded(ACTIONS.historyRead),
    },
  ],
};
