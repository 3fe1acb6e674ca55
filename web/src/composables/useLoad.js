// The loading and error state of a page's request: `load()` sets `loading` while
// `request()` runs, hands its answer to `apply(answer)` and, when it fails, shows the error
// as text in `error` (not for a 401: the client has already sent the user to the login page)
// and calls `onError(err)`, e.g. to empty a list. When `load()` is called again before an
// answer has come (filters changed quickly), the older answer is dropped, so the page never
// shows what it no longer asks for. A request of several steps is handed `isCurrent()`, to
// stop early once a newer load has begun.
import { ref } from 'vue';
import { useErrorText } from './useErrorText';

export function useLoad(request, apply, { onError, describe } = {}) {
  const text = describe ?? useErrorText();
  const loading = ref(false);
  const error = ref('');
  let latest = 0;

  async function load() {
    const mine = ++latest;
    loading.value = true;
    error.value = '';
    try {
      const answer = await request(() => mine === latest);
      if (mine === latest) apply(answer);
    } catch (err) {
      if (mine !== latest) return;
      if (err?.status !== 401) error.value = text(err);
      onError?.(err);
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  return { loading, error, load };
}

/**
 * useLoad for a page of a list ({ items, total } from the server): `rows` and `total`, both
 * emptied when the request fails so that no stale rows stand under the error. `also(answer)`
 * reads anything else the page needs from the same answer.
 */
export function useListLoad(request, { also, describe } = {}) {
  const rows = ref([]);
  const total = ref(0);
  const state = useLoad(
    request,
    (data) => {
      rows.value = data?.items ?? [];
      total.value = data?.total ?? rows.value.length;
      also?.(data);
    },
    {
      describe,
      onError: () => {
        rows.value = [];
        total.value = 0;
      },
    },
  );
  return { rows, total, ...state };
}
