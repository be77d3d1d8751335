export const ACTIONS = {
  read: 'plugin::booking.bookings.read',
  manage: 'plugin::booking.bookings.manage',
} as const;

export const PERMISSION_ACTIONS = [
  { section: 'plugins', displayName: 'See bookings and hosts’ schedules', uid: 'bookings.read', pluginName: 'booking' },
  { section: 'plugins', displayName: 'Cancel bookings and edit hosts’ schedules', uid: 'bookings.manage', pluginName: 'booking' },
];
