import { EmptyStateLayout } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';

/** The empty state of a list page, as on Strapi's own list views. */
export const EmptyList = ({ content }: { content: string }) => (
  <EmptyStateLayout content={content} hasRadius shadow="tableShadow" icon={<EmptyDocuments width="16rem" />} />
);
