import { pluginApp } from '@magnetiq/plugin-kit/admin';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { Navigate } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { BookingsPage } from './BookingsPage';
import { SchedulesPage } from './SchedulesPage';

/** Bookings are personal data: whoever may only see schedules (marketing) lands on the schedules. */
const Index = () => {
  const { isLoading, allowedActions } = useRBAC(PERMISSIONS.read);
  if (isLoading) return <Page.Loading />;
  if (!allowedActions.canRead) return <Navigate to="schedules" replace />;
  return <BookingsPage />;
};

// the menu link's page (lazy-loaded default export)
export default pluginApp([
  { permissions: PERMISSIONS.any, element: <Index /> },
  { path: 'schedules', permissions: PERMISSIONS.schedules, element: <SchedulesPage /> },
]);
