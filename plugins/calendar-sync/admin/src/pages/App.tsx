import type * as React from 'react';
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PERMISSIONS } from '../permissions';
import { ConnectionsPage } from './ConnectionsPage';
import { OAuthCallbackPage } from './OAuthCallbackPage';

const protect = (page: React.ReactElement) => <Page.Protect permissions={PERMISSIONS.manage}>{page}</Page.Protect>;

export const App = () => (
  <Routes>
    <Route index element={protect(<ConnectionsPage />)} />
    {/* GOOGLE_OAUTH_REDIRECT_URI: Google sends the admin's browser back here */}
    <Route path="oauth/callback" element={protect(<OAuthCallbackPage />)} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
