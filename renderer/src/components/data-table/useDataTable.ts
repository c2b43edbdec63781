import { useMemo, useState } from 'react';
import {
  createFilteredRowModel,
  createPaginatedRowModel,
  createSortedRowModel,
  filterFn_includesString,
  globalFilteringFeature,
  columnFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
  type RowData,
  type SortingState,
} from '@tanstack/react-table';
import type { DataColumn, ServerPaging } from './columns';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
  rowPaginationFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  paginatedRowModel: createPaginatedRowModel(),
  filterFns: { includesString: filterFn_includesString },
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

/**
 * The table's state (sorting, search, page) over TanStack Table: sorted and filtered on the client;
 * with `server`, the rows are already the page and the server sorts.
 */
export function useDataTable<T extends RowData>(
  rows: readonly T[],
  columns: readonly DataColumn<T>[],
  rowKey: (row: T) => string,
  pageSize: number,
  server?: ServerPaging,
) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const [globalFilter, setGlobalFilter] = useState('');
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize });

  const defs = useMemo<ColumnDef<typeof features, T>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        header: c.header,
        accessorFn: (row: T) => c.value(row) ?? '',
        sortFn: c.kind === 'number' || c.kind === 'money' ? 'basic' : 'alphanumeric',
        filterFn: 'includesString',
      })),
    [columns],
  );
  const data = useMemo(() => [...rows], [rows]);

  const table = useTable({
    features,
    columns: defs,
    data,
    getRowId: (row: T) => rowKey(row),
    state: { sorting, globalFilter, pagination: server ? { pageIndex: 0, pageSize: Math.max(rows.length, 1) } : pagination },
    onSortingChange: setSorting,
    onGlobalFilterChange: (updater) => {
      setGlobalFilter(updater);
      setPagination((p) => ({ ...p, pageIndex: 0 }));
    },
    onPaginationChange: setPagination,
    globalFilterFn: 'includesString',
  });

  const serverSort = server?.sort;
  return {
    globalFilter,
    setFilter: (text: string) => table.setGlobalFilter(text),
    /** The rows that pass the search, every page: what is counted, summed and exported. */
    filtered: table.getFilteredRowModel().rows.map((r) => r.original),
    /** The rows of the page shown. */
    visible: table.getRowModel().rows,
    pageIndex: server ? server.pageIndex : pagination.pageIndex,
    pageCount: server ? Math.max(1, Math.ceil(server.total / server.pageSize)) : table.getPageCount(),
    setPage: (index: number) => (server ? server.onPageChange(index) : table.setPageIndex(index)),
    sortOf: (key: string) =>
      serverSort ? serverSort.key === key && (serverSort.desc ? 'desc' : 'asc') : (table.getColumn(key)?.getIsSorted() ?? false),
    sortable: (column: DataColumn<T>) => (server ? Boolean(serverSort?.sortable.includes(column.key)) : !column.actions),
    sortBy: (key: string, event: unknown) =>
      serverSort ? serverSort.onSortChange(key) : table.getColumn(key)?.getToggleSortingHandler()?.(event),
  };
}
