/** Admin permissions of the booking plugin, as registered by the server in bootstrap. */
const permission = (action: string) => [{ action: `plugin::booking.${action}`, subject: null }];

// Module constants: useRBAC and Page.Protect re-check whenever the array identity changes.
export const PERMISSIONS = {
  /** the menu link: either page */
  any: [...permission('schedules.read'), ...permission('bookings.read')],
  schedules: permission('schedules.read'),
  /** the bookings page also lists the hosts to choose from */
  read: permission('bookings.read'),
  manage: permission('bookings.manage'),
};
