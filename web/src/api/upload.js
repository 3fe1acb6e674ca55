// Sends a file as the request body with upload progress, which fetch cannot report:
// XMLHttpRequest it is. The answer is read like the API client's: JSON, and an ApiError
// (with the whole body kept on it) for a 4xx/5xx.

import { API_BASE, ApiError, errorFromBody } from './client';

/** The content type to send a statistics file with, from its name. */
export function contentTypeFor(name) {
  const lower = String(name ?? '').toLowerCase();
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'text/csv';
  if (lower.endsWith('.xlsx')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return 'application/octet-stream';
}

/**
 * POSTs `file` (a File or Blob) to `path` with `query`. `onProgress({ phase, loaded, total,
 * fraction })` is called with phase 'upload' while bytes go out and 'checking' once they
 * are all sent and the server is reading them. Resolves with the parsed body; rejects with
 * an ApiError whose `body` is the parsed error body (the import's list of bad rows) and
 * whose status is 0 when the server was not reached. `contentType` overrides the type the
 * file's name gives (a material's PDF, PNG…). `createXhr` is injectable for tests.
 */
export function uploadFile(path, file, { query, onProgress, createXhr, onUnauthorized, contentType } = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
  }
  const qs = params.toString();
  const url = (path.startsWith('/api/') ? path : API_BASE + path) + (qs ? `?${qs}` : '');
  const xhr = createXhr ? createXhr() : new XMLHttpRequest();
  const report = (p) => {
    if (onProgress) onProgress(p);
  };

  return new Promise((resolve, reject) => {
    xhr.open('POST', url, true);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', contentType || contentTypeFor(file?.name));
    if (xhr.upload) {
      xhr.upload.onprogress = (e) => {
        const total = e.lengthComputable ? e.total : file?.size ?? 0;
        report({ phase: 'upload', loaded: e.loaded, total, fraction: total ? Math.min(1, e.loaded / total) : 0 });
      };
      xhr.upload.onload = () => {
        const total = file?.size ?? 0;
        report({ phase: 'checking', loaded: total, total, fraction: 1 });
      };
    }
    xhr.onerror = () => {
      reject(new ApiError({ status: 0, code: 'network_error', message: 'network error' }));
    };
    xhr.onabort = () => {
      reject(new ApiError({ status: 0, code: 'aborted', message: 'aborted' }));
    };
    xhr.onload = () => {
      let body = null;
      const text = xhr.responseText;
      if (text) {
        try {
          body = JSON.parse(text);
        } catch {
          body = undefined;
        }
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        if (body === undefined) {
          reject(new ApiError({ status: xhr.status, code: 'bad_response', message: 'response is not JSON' }));
        } else {
          resolve(body);
        }
        return;
      }
      const err = errorFromBody(xhr.status, body, xhr.statusText);
      err.body = body ?? null;
      if (err.status === 401 && onUnauthorized) onUnauthorized(err);
      reject(err);
    };
    xhr.send(file);
  });
}
