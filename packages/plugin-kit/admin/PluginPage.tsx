import * as React from 'react';
import { Layouts, Page } from '@strapi/strapi/admin';
import { PluginRoutes, type PluginRoute } from './PluginRoutes';

export interface PluginPageProps {
  /** the header's title, and the browser tab's unless `pageTitle` says otherwise */
  title: string;
  pageTitle?: string;
  subtitle?: React.ReactNode;
  navigationAction?: React.ReactNode;
  primaryAction?: React.ReactNode;
  secondaryAction?: React.ReactNode;
  /** the filters bar between the header and the content (Strapi's `Layouts.Action` start actions) */
  startActions?: React.ReactNode;
  /** `aria-busy` of the page while it reloads */
  busy?: boolean;
  children: React.ReactNode;
}

/** A plugin's admin page: the tab title, Strapi's page header and its content area. */
export const PluginPage = ({ title, pageTitle, startActions, busy, children, ...header }: PluginPageProps) => (
  <Page.Main aria-busy={busy}>
    <Page.Title>{pageTitle ?? title}</Page.Title>
    <Layouts.Header title={title} {...header} />
    {startActions ? <Layouts.Action startActions={startActions} /> : null}
    <Layouts.Content>{children}</Layouts.Content>
  </Page.Main>
);

/**
 * A plugin's `pages/App` (what the menu link lazy-loads as its default export): its pages through
 * `PluginRoutes`, optionally inside a frame (e.g. a side navigation).
 */
export function pluginApp(routes: PluginRoute[], frame?: (pages: React.ReactNode) => React.ReactNode) {
  const App = () => {
    const pages = <PluginRoutes routes={routes} />;
    return <>{frame ? frame(pages) : pages}</>;
  };
  return App;
}
