import busy from './busy';
import connections from './connections';
import events from './events';
import google from './google';
import health from './health';

export default { busy, connections, events, google, health };
