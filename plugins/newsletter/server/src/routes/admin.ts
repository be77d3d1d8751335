import { adminRoutes } from '@magnetiq/plugin-kit/server';
import { ACTIONS } from '../permissions';

export default adminRoutes`
  GET /topics admin.listTopics ${ACTIONS.stats.read}
  POST /topics admin.createTopic ${ACTIONS.topics.manage}
  PUT /topics/:id admin.updateTopic ${ACTIONS.topics.manage}
  DELETE /topics/:id admin.deleteTopic ${ACTIONS.topics.manage}
  GET /segments admin.listSegments ${ACTIONS.campaigns.manage}
  GET /segments/options admin.segmentOptions ${ACTIONS.campaigns.manage}
  POST /segments admin.createSegment ${ACTIONS.campaigns.manage}
  POST /segments/count admin.countFilter ${ACTIONS.campaigns.manage}
  PUT /segments/:id admin.updateSegment ${ACTIONS.campaigns.manage}
  DELETE /segments/:id admin.deleteSegment ${ACTIONS.campaigns.manage}
  GET /segments/:id/count admin.countSegment ${ACTIONS.campaigns.manage}
  GET /campaigns admin.listCampaigns ${ACTIONS.stats.read}
  GET /stats/campaigns.csv admin.statsCsv ${ACTIONS.stats.read}
  POST /campaigns admin.createCampaign ${ACTIONS.campaigns.manage}
  GET /campaigns/:id admin.getCampaign ${ACTIONS.stats.read}
  PUT /campaigns/:id admin.updateCampaign ${ACTIONS.campaigns.manage}
  DELETE /campaigns/:id admin.deleteCampaign ${ACTIONS.campaigns.manage}
  GET /campaigns/:id/preview admin.previewCampaign ${ACTIONS.campaigns.manage}
  GET /campaigns/:id/audience admin.audienceCount ${ACTIONS.campaigns.manage}
  GET /campaigns/:id/stats admin.campaignStats ${ACTIONS.stats.read}
  POST /campaigns/:id/test admin.testSend ${ACTIONS.campaigns.send}
  POST /campaigns/:id/send admin.sendNow ${ACTIONS.campaigns.send}
  POST /campaigns/:id/schedule admin.schedule ${ACTIONS.campaigns.send}
  POST /campaigns/:id/cancel admin.cancel ${ACTIONS.campaigns.send}
  GET /settings admin.readSettings ${ACTIONS.settings.manage}
  PUT /settings admin.writeSettings ${ACTIONS.settings.manage}
  POST /suppressions/lookup admin.findSuppression ${ACTIONS.settings.manage}
  POST /suppressions/remove admin.removeSuppression ${ACTIONS.settings.manage}
  GET /contacts/:documentId/history admin.contactHistory ${ACTIONS.history.read}
`;
