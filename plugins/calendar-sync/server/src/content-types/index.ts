import connection from './connection';
import event from './event';
import oauthState from './oauth-state';

export default { connection, event, 'oauth-state': oauthState };
