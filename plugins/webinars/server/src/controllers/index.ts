import admin from './admin';
import preview from './preview';
import publicApi from './public';

export default { admin, public: publicApi, preview };
