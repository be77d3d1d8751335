import busy from './busy';
import connections from './connections';
import events from './events';
import google from './google';
import health from './health';
import oauth from './oauth';
import owners from './owners';

export default { busy, connections, events, google, health, oauth, owners };
