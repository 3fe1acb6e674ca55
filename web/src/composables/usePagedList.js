// The page and page size of a paged list, and what the pager's events do: change them and
// call `reload()` (a new size starts again from the first page). `paging` holds all four for
// ListPagination; `page` and `pageSize` are the same refs, for the page's own code.
import { reactive, ref } from 'vue';

export function usePagedList(reload, { page: firstPage = 1, pageSize: firstSize = 20 } = {}) {
  const page = ref(firstPage);
  const pageSize = ref(firstSize);

  function onPage(p) {
    page.value = p;
    reload();
  }

  function onPageSize(size) {
    pageSize.value = size;
    page.value = 1;
    reload();
  }

  return { page, pageSize, onPage, onPageSize, paging: reactive({ page, pageSize, onPage, onPageSize }) };
}
