import notifications from './notifications';
import registrations from './registrations';
import reminders from './reminders';
import sessions from './sessions';
import webinars from './webinars';

export default { webinars, sessions, registrations, notifications, reminders };
