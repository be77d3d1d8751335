import { deepEncodeQueryValues, useQueryParams, withEncodedUserParams } from '@strapi/strapi/admin';

/**
 * The list state kept in the URL, in the shape Strapi's own `SearchInput` (`_q`) and `Pagination`
 * (`page`, `pageSize`) use. Filters live under `filters` because Strapi's helpers re-encode that
 * key when they rewrite the URL, so free text such as a source survives paging.
 */
export interface ListQuery {
  _q?: string;
  page?: string;
  pageSize?: string;
  filters?: Record<string, string | undefined>;
}

export const DEFAULT_PAGE_SIZE = 25;

export const useListQuery = () => {
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  const filters = query.filters ?? {};

  const setFilter = (name: string, value: string | undefined) => {
    const nextFilters = { ...filters, [name]: value === '' ? undefined : value };
    setQuery(withEncodedUserParams(query, { filters: deepEncodeQueryValues(nextFilters), page: '1' }));
  };

  return {
    search: query._q ?? '',
    filters,
    page: Number(query.page) || 1,
    pageSize: Number(query.pageSize) || DEFAULT_PAGE_SIZE,
    setFilter,
  };
};
