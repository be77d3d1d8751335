import { EmptyStateLayout } from '@strapi/design-system';
import { EmptyDocuments } from '@strapi/icons/symbols';

export const EmptyList = ({ content }: { content: string }) => (
  <EmptyStateLayout content={content} hasRadius shadow="tableShadow" icon={<EmptyDocuments width="16rem" />} />
);
