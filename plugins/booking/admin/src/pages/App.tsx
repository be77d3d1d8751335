import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { BookingsPage } from './BookingsPage';
import { SchedulesPage } from './SchedulesPage';

export const App = () => (
  <Routes>
    <Route
      index
      element={
        <Page.Protect permissions={PERMISSIONS.read}>
          <BookingsPage />
        </Page.Protect>
      }
    />
    <Route
      path="schedules"
      element={
        <Page.Protect permissions={PERMISSIONS.read}>
          <SchedulesPage />
        </Page.Protect>
      }
    />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
