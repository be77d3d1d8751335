import auditEvents from './audit-events';
import middleware from './middleware';
import releases from './releases';
import settings from './settings';
import stages from './stages';
import versions from './versions';

export default { 'audit-events': auditEvents, middleware, releases, settings, stages, versions };
