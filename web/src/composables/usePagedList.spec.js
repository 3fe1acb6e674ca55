import { describe, expect, it, vi } from 'vitest';
import { usePagedList } from './usePagedList';

describe('usePagedList', () => {
  it('starts where it is told and reloads on a new page', () => {
    const reload = vi.fn();
    const { page, pageSize, paging } = usePagedList(reload, { page: 3, pageSize: 50 });
    expect([page.value, pageSize.value]).toEqual([3, 50]);
    paging.onPage(4);
    expect(page.value).toBe(4);
    expect(paging.page).toBe(4);
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('goes back to the first page on a new page size', () => {
    const reload = vi.fn();
    const { page, pageSize, onPageSize } = usePagedList(reload);
    page.value = 5;
    onPageSize(100);
    expect([page.value, pageSize.value]).toEqual([1, 100]);
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
