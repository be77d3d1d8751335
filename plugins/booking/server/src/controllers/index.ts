import admin from './admin';
import publicApi from './public';

export default { admin, public: publicApi };
