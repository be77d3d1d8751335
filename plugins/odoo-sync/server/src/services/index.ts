import client from './client';
import erasure from './erasure';
import stages from './stages';
import sync from './sync';

export default { client, erasure, stages, sync };
