import analytics from '../analytics/service';
import client from './client';
import erasure from './erasure';
import stages from './stages';
import sync from './sync';

export default { analytics, client, erasure, stages, sync };
