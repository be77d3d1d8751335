import analytics from './analytics';
import availability from './availability';
import bookings from './bookings';
import catalog from './catalog';
import erasure from './erasure';
import notifications from './notifications';
import schedules from './schedules';

export default { analytics, availability, bookings, catalog, erasure, notifications, schedules };
