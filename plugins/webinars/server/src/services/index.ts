import analytics from './analytics';
import notifications from './notifications';
import registrations from './registrations';
import reminders from './reminders';
import sessions from './sessions';
import teamCalendar from './team-calendar';
import webinars from './webinars';

export default {
  analytics,
  webinars,
  sessions,
  registrations,
  notifications,
  reminders,
  'team-calendar': teamCalendar,
};
