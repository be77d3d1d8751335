import analytics from './analytics';
import campaigns from './campaigns';
import erasure from './erasure';
import history from './history';
import schema from './schema';
import segments from './segments';
import sender from './sender';
import settings from './settings';
import stats from './stats';
import subscriptions from './subscriptions';
import suppressions from './suppressions';
import topics from './topics';
import webhook from './webhook';

export default {
  analytics,
  campaigns,
  erasure,
  history,
  schema,
  segments,
  sender,
  settings,
  stats,
  subscriptions,
  suppressions,
  topics,
  webhook,
};
