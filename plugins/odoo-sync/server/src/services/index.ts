import client from './client';
import stages from './stages';
import sync from './sync';

export default { client, stages, sync };
