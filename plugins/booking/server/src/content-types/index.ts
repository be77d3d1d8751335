import booking from './booking';
import host from './host';
import meetingType from './meeting-type';

export default { host, 'meeting-type': meetingType, booking };
