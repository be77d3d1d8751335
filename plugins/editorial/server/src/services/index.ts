import middleware from './middleware';
import releases from './releases';
import settings from './settings';
import stages from './stages';
import versions from './versions';

export default { middleware, releases, settings, stages, versions };
