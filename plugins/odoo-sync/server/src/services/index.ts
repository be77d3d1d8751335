import client from './client';
import sync from './sync';

export default { client, sync };
