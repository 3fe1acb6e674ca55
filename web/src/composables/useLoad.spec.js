import { describe, expect, it, vi } from 'vitest';
import { useListLoad, useLoad } from './useLoad';

const describeErr = (err) => `failed: ${err.message}`;

// A request whose answer the test gives when it wants.
function deferred() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLoad', () => {
  it('is loading while the request runs and hands the answer over', async () => {
    const d = deferred();
    const apply = vi.fn();
    const { loading, error, load } = useLoad(() => d.promise, apply, { describe: describeErr });
    expect(loading.value).toBe(false);
    const done = load();
    expect(loading.value).toBe(true);
    d.resolve({ items: [1] });
    await done;
    expect(apply).toHaveBeenCalledWith({ items: [1] });
    expect(loading.value).toBe(false);
    expect(error.value).toBe('');
  });

  it('shows a failure as text and calls onError, and the next load clears it', async () => {
    const onError = vi.fn();
    let fail = true;
    const { loading, error, load } = useLoad(
      async () => {
        if (fail) throw Object.assign(new Error('boom'), { status: 500 });
        return 1;
      },
      () => {},
      { describe: describeErr, onError },
    );
    await load();
    expect(error.value).toBe('failed: boom');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(loading.value).toBe(false);
    fail = false;
    await load();
    expect(error.value).toBe('');
  });

  it('shows no text for a 401 (the user is sent to log in) but still calls onError', async () => {
    const onError = vi.fn();
    const { error, load } = useLoad(
      () => Promise.reject(Object.assign(new Error('no session'), { status: 401 })),
      () => {},
      { describe: describeErr, onError },
    );
    await load();
    expect(error.value).toBe('');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('drops the answer and the error of a load overtaken by a newer one', async () => {
    const first = deferred();
    const second = deferred();
    const requests = [first, second];
    const apply = vi.fn();
    const onError = vi.fn();
    const { loading, error, load } = useLoad(() => requests.shift().promise, apply, { describe: describeErr, onError });
    const a = load();
    const b = load();
    second.resolve('new');
    await b;
    expect(loading.value).toBe(false);
    first.reject(new Error('old'));
    await a;
    expect(apply.mock.calls).toEqual([['new']]);
    expect(onError).not.toHaveBeenCalled();
    expect(error.value).toBe('');
  });

  it('tells a request of several steps whether a newer load has begun', async () => {
    const step = deferred();
    const seen = [];
    let calls = 0;
    const { load } = useLoad(
      async (isCurrent) => {
        calls += 1;
        if (calls === 1) await step.promise;
        seen.push(isCurrent());
      },
      () => {},
      { describe: describeErr },
    );
    const first = load();
    await load();
    step.resolve();
    await first;
    expect(seen).toEqual([true, false]);
  });

  it('stays loading until the newest load has answered', async () => {
    const first = deferred();
    const second = deferred();
    const requests = [first, second];
    const { loading, load } = useLoad(() => requests.shift().promise, () => {}, { describe: describeErr });
    const a = load();
    const b = load();
    first.resolve('old');
    await a;
    expect(loading.value).toBe(true);
    second.resolve('new');
    await b;
    expect(loading.value).toBe(false);
  });
});

describe('useListLoad', () => {
  it('takes the rows and the total of the answer, and what else the page reads from it', async () => {
    const also = vi.fn();
    const { rows, total, load } = useListLoad(async () => ({ items: ['a', 'b'], total: 12, today: '2026-10-09' }), {
      also,
      describe: describeErr,
    });
    await load();
    expect(rows.value).toEqual(['a', 'b']);
    expect(total.value).toBe(12);
    expect(also).toHaveBeenCalledWith(expect.objectContaining({ today: '2026-10-09' }));
  });

  it('counts the rows when the answer has no total, and empties the list when a load fails', async () => {
    let fail = false;
    const { rows, total, error, load } = useListLoad(
      async () => {
        if (fail) throw new Error('down');
        return { items: ['a'] };
      },
      { describe: describeErr },
    );
    await load();
    expect([rows.value, total.value]).toEqual([['a'], 1]);
    fail = true;
    await load();
    expect([rows.value, total.value, error.value]).toEqual([[], 0, 'failed: down']);
  });
});
