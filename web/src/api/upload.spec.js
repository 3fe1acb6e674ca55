import { describe, expect, it } from 'vitest';
import { contentTypeFor, uploadFile } from './upload';

// A stand-in for XMLHttpRequest: records what was sent and lets the test play the server.
function fakeXhr() {
  const xhr = {
    headers: {},
    upload: {},
    open(method, url) {
      this.method = method;
      this.url = url;
    },
    setRequestHeader(k, v) {
      this.headers[k] = v;
    },
    send(body) {
      this.sent = body;
    },
    answer(status, body) {
      this.status = status;
      this.statusText = '';
      this.responseText = typeof body === 'string' ? body : JSON.stringify(body);
      this.onload();
    },
  };
  return xhr;
}

const file = { name: '报表.CSV', size: 1000 };

describe('uploadFile', () => {
  it('sends the file as the body with its query, and reports progress', async () => {
    const xhr = fakeXhr();
    const seen = [];
    const done = uploadFile('/enterprise-reports/import', file, {
      query: { name: file.name, encoding: 'gbk', dry_run: '' },
      onProgress: (p) => seen.push(p),
      createXhr: () => xhr,
    });
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/v1/enterprise-reports/import?name=%E6%8A%A5%E8%A1%A8.CSV&encoding=gbk');
    expect(xhr.headers['Content-Type']).toBe('text/csv');
    expect(xhr.sent).toBe(file);
    xhr.upload.onprogress({ lengthComputable: true, loaded: 250, total: 1000 });
    xhr.upload.onload();
    xhr.answer(200, { rows: 3, imported: true, inserted: 3, updated: 0, periods: ['2025-01'], problem_count: 0, problems: [] });
    await expect(done).resolves.toMatchObject({ imported: true, rows: 3 });
    expect(seen).toEqual([
      { phase: 'upload', loaded: 250, total: 1000, fraction: 0.25 },
      { phase: 'checking', loaded: 1000, total: 1000, fraction: 1 },
    ]);
  });

  it('keeps the list of bad rows on the error', async () => {
    const xhr = fakeXhr();
    const done = uploadFile('/enterprise-reports/import', file, { createXhr: () => xhr });
    const body = {
      error: { code: 'import_rejected', message: '1 处错误, 未导入任何数据', field: 'file' },
      rows: 2,
      imported: false,
      problem_count: 1,
      problems: [{ row: 3, column: 'output', value: '-5', code: 'negative_value', message: '不能为负数' }],
    };
    xhr.answer(400, body);
    const err = await done.catch((e) => e);
    expect(err).toMatchObject({ status: 400, code: 'import_rejected', field: 'file' });
    expect(err.body.problems[0].row).toBe(3);
  });

  it('turns a lost connection and a lost session into ApiErrors', async () => {
    const xhr = fakeXhr();
    const done = uploadFile('/x', file, { createXhr: () => xhr });
    xhr.onerror();
    await expect(done).rejects.toMatchObject({ status: 0, code: 'network_error' });

    const xhr2 = fakeXhr();
    let told = null;
    const done2 = uploadFile('/x', file, { createXhr: () => xhr2, onUnauthorized: (e) => (told = e) });
    xhr2.answer(401, { error: { code: 'unauthenticated', message: 'login' } });
    await expect(done2).rejects.toMatchObject({ status: 401 });
    expect(told?.code).toBe('unauthenticated');
  });

  it('sends a material with the content type it is given, and a 415 as the server worded it', async () => {
    const xhr = fakeXhr();
    const pdf = { name: '营业执照.pdf', size: 9 };
    const done = uploadFile('/applications/7/materials', pdf, {
      query: { file_name: pdf.name, material: '营业执照' },
      contentType: 'application/pdf',
      createXhr: () => xhr,
    });
    expect(xhr.url).toBe(
      '/api/v1/applications/7/materials?file_name=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.pdf&material=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7',
    );
    expect(xhr.headers['Content-Type']).toBe('application/pdf');
    xhr.answer(415, { error: { code: 'file_type_not_allowed', message: '文件内容与类型不符', field: 'file' } });
    await expect(done).rejects.toMatchObject({ status: 415, code: 'file_type_not_allowed', message: '文件内容与类型不符' });
  });

  it('chooses the content type from the name', () => {
    expect(contentTypeFor('a.xlsx')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(contentTypeFor('a.csv')).toBe('text/csv');
    expect(contentTypeFor('a.bin')).toBe('application/octet-stream');
    expect(contentTypeFor(undefined)).toBe('application/octet-stream');
  });
});
