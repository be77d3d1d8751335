import admin from './admin';
import publicController from './public';

export default { admin, public: publicController };
