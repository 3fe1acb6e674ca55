// A statistics file sent as the request body with upload progress, which the server checks
// row by row and either imports whole or not at all (then listing the bad rows). Shared by
// the import pages; `ImportUploadCard` and `ImportResult` show what this holds.
//
// `path` is the API path to POST to. `options.query()` gives the request's extra query
// (besides name and encoding) and `options.tag()` what to note on the outcome (both read
// when the upload starts); `options.assumeImported` marks a successful answer imported.
import { computed, reactive, ref } from 'vue';
import { api } from '@/api/client';
import { uploadFile } from '@/api/upload';
import { formatNumber } from '@/format';
import { useErrorText } from '@/composables/useErrorText';

// 256 MB, the server's limit for one file.
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

export function fileSizeText(bytes) {
  if (bytes >= 1024 * 1024) return `${formatNumber(bytes / 1024 / 1024, 1)} MB`;
  if (bytes >= 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${bytes} B`;
}

export function useImportUpload(path, { query = () => ({}), tag = () => ({}), assumeImported = false } = {}) {
  const describe = useErrorText();
  const file = ref(null);
  const encoding = ref('');
  // idle | upload | checking | done
  const phase = ref('idle');
  const percent = ref(0);
  const outcome = ref(null); // the server's answer for a file it read (imported or not)
  const failure = ref(null); // { message, code } for a file it could not read at all
  const problems = computed(() => outcome.value?.problems ?? []);
  const busy = computed(() => phase.value === 'upload' || phase.value === 'checking');
  const fileTooBig = computed(() => (file.value?.size ?? 0) > MAX_IMPORT_BYTES);

  function choose(chosen) {
    file.value = chosen ?? null;
    outcome.value = null;
    failure.value = null;
    phase.value = 'idle';
  }

  async function upload() {
    if (!file.value || fileTooBig.value || busy.value) return;
    outcome.value = null;
    failure.value = null;
    phase.value = 'upload';
    percent.value = 0;
    const noted = tag();
    try {
      const data = await uploadFile(path, file.value, {
        query: { name: file.value.name, encoding: encoding.value, ...query() },
        onProgress: (p) => {
          percent.value = Math.round(p.fraction * 100);
          if (p.phase === 'checking') phase.value = 'checking';
        },
        onUnauthorized: (err) => api.notifyUnauthorized(err),
      });
      outcome.value = { ...data, ...(assumeImported ? { imported: true } : {}), ...noted };
    } catch (err) {
      if (err?.status === 401) {
        phase.value = 'idle';
        return;
      }
      if (err?.body && Array.isArray(err.body.problems)) {
        outcome.value = { ...err.body, imported: false, ...noted, message: describe(err) };
      } else {
        failure.value = { message: describe(err), code: err?.code };
      }
    } finally {
      if (phase.value !== 'idle') phase.value = 'done';
    }
  }

  return reactive({ file, encoding, phase, percent, outcome, failure, problems, busy, fileTooBig, choose, upload });
}
