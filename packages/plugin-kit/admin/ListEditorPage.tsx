import * as React from 'react';
import { Flex } from '@strapi/design-system';
import { Layouts, Page } from '@strapi/strapi/admin';
import { EmptyList } from './EmptyList';

/**
 * A page of saved rows with their editor below it (the newsletter's segments and topics): the
 * header, the plugin's own navigation, the list or its empty state, then the editor. Loading and
 * error states come from the list's query (`useAdminQuery`): no data yet is a loading page, an
 * error without data an error page.
 */
export const ListEditorPage = ({
  title,
  subtitle,
  nav,
  query,
  isEmpty,
  emptyText,
  list,
  editor,
}: {
  title: string;
  subtitle?: string;
  nav?: React.ReactNode;
  query: { data?: unknown; error?: unknown };
  isEmpty: boolean;
  emptyText: string;
  list: React.ReactNode;
  editor?: React.ReactNode;
}) => {
  if (!query.data && query.error) return <Page.Error />;
  if (!query.data) return <Page.Loading />;
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={subtitle} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {nav}
          {isEmpty ? <EmptyList content={emptyText} /> : list}
          {editor}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
