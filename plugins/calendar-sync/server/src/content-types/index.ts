import connection from './connection';
import event from './event';

export default { connection, event };
