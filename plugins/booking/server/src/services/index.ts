import availability from './availability';
import bookings from './bookings';
import catalog from './catalog';
import notifications from './notifications';
import schedules from './schedules';

export default { availability, bookings, catalog, notifications, schedules };
