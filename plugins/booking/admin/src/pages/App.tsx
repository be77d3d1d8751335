import { Page, useRBAC } from '@strapi/strapi/admin';
import { Navigate, Route, Routes } from 'react-router-dom';
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

export const App = () => (
  <Routes>
    <Route
      index
      element={
        <Page.Protect permissions={PERMISSIONS.any}>
          <Index />
        </Page.Protect>
      }
    />
    <Route
      path="schedules"
      element={
        <Page.Protect permissions={PERMISSIONS.schedules}>
          <SchedulesPage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
