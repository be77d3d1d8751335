import { Pagination } from '@strapi/strapi/admin';
import type { Pagination as PaginationMeta } from '../types';
import { DEFAULT_PAGE_SIZE } from '../hooks/useListQuery';

interface ListPaginationProps {
  pagination: PaginationMeta;
  /** False where the endpoint has a fixed page size. */
  canChangePageSize?: boolean;
}

/** Strapi's URL-driven pagination (`page`, `pageSize` query parameters). */
export const ListPagination = ({ pagination, canChangePageSize = true }: ListPaginationProps) => (
  <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
    {canChangePageSize ? <Pagination.PageSize options={['10', '25', '50', '100']} /> : null}
    <Pagination.Links />
  </Pagination.Root>
);
