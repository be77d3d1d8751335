import * as React from 'react';
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';

type Permissions = React.ComponentProps<typeof Page.Protect>['permissions'];

/** One page of a plugin: `index` or a `path` below `plugins/<id>`, shown to those with `permissions`. */
export interface PluginRoute {
  /** e.g. `sessions/:documentId`; leave out for the index page */
  path?: string;
  permissions: Permissions;
  element: React.ReactNode;
}

/**
 * The router of a plugin's pages (the lazy `pages/App` of the menu link): each page behind
 * `Page.Protect`, and Strapi's error page for any other path.
 */
export const PluginRoutes = ({ routes }: { routes: PluginRoute[] }) => (
  <Routes>
    {routes.map(({ path, permissions, element }) => {
      const protectedElement = <Page.Protect permissions={permissions}>{element}</Page.Protect>;
      return path ? (
        <Route key={path} path={path} element={protectedElement} />
      ) : (
        <Route key="index" index element={protectedElement} />
      );
    })}
    <Route path="*" element={<Page.Error />} />
  </Routes>
);
