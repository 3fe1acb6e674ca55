// The loading and error state of a page's request: `load()` sets `loading` while
// `request()` runs, hands its answer to `apply(answer)` and, when it fails, shows the error
// as text in `error` (not for a 401: the client has already sent the user to the login page)
// and calls `onError(err)`, e.g. to empty a list. When `load()` is called again before an
// answer has come (filters changed quickly), the older answer is dropped, so the page never
// shows what it no longer asks for.
import { ref } from 'vue';
import { useErrorText } from './useErrorText';

export function useLoad(request, apply, { onError, describe = useErrorText() } = {}) {
  const loading = ref(false);
  const error = ref('');
  let latest = 0;

  async function load() {
    const mine = ++latest;
    loading.value = true;
    error.value = '';
    try {
      const answer = await request();
      if (mine === latest) apply(answer);
    } catch (err) {
      if (mine !== latest) return;
      if (err?.status !== 401) error.value = describe(err);
      onError?.(err);
    } finally {
      if (mine === latest) loading.value = false;
    }
  }

  return { loading, error, load };
}
