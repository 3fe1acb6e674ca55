// A form whose submission the server checks: the form's values, the server's error on the
// field it names (cleared as soon as that field changes) or for the whole form, the result,
// and whether a request is in flight. `call(values)` makes the request; `describe(err)` turns
// an ApiError into the text shown.
import { reactive, ref, watch } from 'vue';

export function useServerForm(initial, call, describe) {
  const formRef = ref();
  const form = reactive({ ...initial });
  const fieldErrors = reactive(Object.fromEntries(Object.keys(initial).map((k) => [k, ''])));
  const error = ref('');
  const result = ref(null);
  const busy = ref(false);

  for (const key of Object.keys(fieldErrors)) {
    watch(
      () => form[key],
      () => {
        fieldErrors[key] = '';
      },
    );
  }

  async function submit() {
    error.value = '';
    for (const key of Object.keys(fieldErrors)) fieldErrors[key] = '';
    const valid = await formRef.value.validate().catch(() => false);
    if (!valid) return;
    busy.value = true;
    try {
      result.value = await call(form);
    } catch (err) {
      // A 401 has already sent the user to the login page.
      if (err?.status === 401) return;
      result.value = null;
      if (err?.field && err.field in fieldErrors) fieldErrors[err.field] = describe(err);
      else error.value = describe(err);
    } finally {
      busy.value = false;
    }
  }

  return { formRef, form, fieldErrors, error, result, busy, submit };
}
