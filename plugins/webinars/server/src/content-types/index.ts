import registration from './registration';
import session from './session';
import speaker from './speaker';
import webinar from './webinar';

export default { webinar, speaker, session, registration };
