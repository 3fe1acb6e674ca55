// The text shown for a failed API call: the network notice when the server was not reached,
// else the server's message, else "unknown error" with its code.
import { useI18n } from 'vue-i18n';

export function errorText(t, err) {
  if (err?.status === 0) return t('errors.network');
  return err?.message || t('errors.unknown', { code: err?.code ?? '?' });
}

/** `describe(err)` for a component, with the component's `t`. */
export function useErrorText() {
  const { t } = useI18n();
  return (err) => errorText(t, err);
}
