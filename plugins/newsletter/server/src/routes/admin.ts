import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /topics admin.listTopics ${ACTIONS.statsRead}
  POST /topics admin.createTopic ${ACTIONS.topicsManage}
  PUT /topics/:id admin.updateTopic ${ACTIONS.topicsManage}
  DELETE /topics/:id admin.deleteTopic ${ACTIONS.topicsManage}
  GET /segments admin.listSegments ${ACTIONS.campaignsManage}
  GET /segments/options admin.segmentOptions ${ACTIONS.campaignsManage}
  POST /segments admin.createSegment ${ACTIONS.campaignsManage}
  POST /segments/count admin.countFilter ${ACTIONS.campaignsManage}
  PUT /segments/:id admin.updateSegment ${ACTIONS.campaignsManage}
  DELETE /segments/:id admin.deleteSegment ${ACTIONS.campaignsManage}
  GET /segments/:id/count admin.countSegment ${ACTIONS.campaignsManage}
  GET /campaigns admin.listCampaigns ${ACTIONS.statsRead}
  GET /stats/campaigns.csv admin.statsCsv ${ACTIONS.statsRead}
  POST /campaigns admin.createCampaign ${ACTIONS.campaignsManage}
  GET /campaigns/:id admin.getCampaign ${ACTIONS.statsRead}
  PUT /campaigns/:id admin.updateCampaign ${ACTIONS.campaignsManage}
  DELETE /campaigns/:id admin.deleteCampaign ${ACTIONS.campaignsManage}
  GET /campaigns/:id/preview admin.previewCampaign ${ACTIONS.campaignsManage}
  GET /campaigns/:id/audience admin.audienceCount ${ACTIONS.campaignsManage}
  GET /campaigns/:id/stats admin.campaignStats ${ACTIONS.statsRead}
  POST /campaigns/:id/test admin.testSend ${ACTIONS.campaignsSend}
  POST /campaigns/:id/send admin.sendNow ${ACTIONS.campaignsSend}
  POST /campaigns/:id/schedule admin.schedule ${ACTIONS.campaignsSend}
  POST /campaigns/:id/cancel admin.cancel ${ACTIONS.campaignsSend}
  GET /settings admin.readSettings ${ACTIONS.settingsManage}
  PUT /settings admin.writeSettings ${ACTIONS.settingsManage}
  POST /suppressions/lookup admin.findSuppression ${ACTIONS.settingsManage}
  POST /suppressions/remove admin.removeSuppression ${ACTIONS.settingsManage}
  GET /contacts/:documentId/history admin.contactHistory ${ACTIONS.historyRead}
`;
