import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, errorFromBody } from './client';

// A stand-in for fetch that records calls and answers with the given status and body.
function stubFetch(status, body, { statusText = '' } = {}) {
  const calls = [];
  const fn = vi.fn(async (url, init) => {
    calls.push({ url, init });
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(status === 204 ? null : text, {
      status,
      statusText,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  fn.calls = calls;
  return fn;
}

const invalidCredentials = {
  error: { code: 'invalid_credentials', message: '用户名或密码错误', field: null },
};

describe('errorFromBody', () => {
  it('reads code, message and field', () => {
    const e = errorFromBody(400, { error: { code: 'required', message: '必填', field: 'name' } });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ status: 400, code: 'required', message: '必填', field: 'name' });
  });

  it('treats a null or empty field as no field', () => {
    expect(errorFromBody(401, invalidCredentials).field).toBeNull();
    expect(errorFromBody(400, { error: { code: 'x', message: 'y', field: '' } }).field).toBeNull();
  });

  it('makes a code from the status when the body is not an error object', () => {
    for (const body of [null, undefined, 'oops', {}, { error: 'text' }, { error: { message: 'm' } }]) {
      const e = errorFromBody(502, body, 'Bad Gateway');
      expect(e).toMatchObject({ status: 502, code: 'http_502', message: 'Bad Gateway', field: null });
    }
  });
});

describe('createApiClient', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const fetch = stubFetch(200, { token: 't', user: { id: 1, name: 'admin' } });
    const api = createApiClient({ fetch });
    const data = await api.login('admin', 'pw');
    expect(data.user.name).toBe('admin');
    const { url, init } = fetch.calls[0];
    expect(url).toBe('/api/v1/auth/login');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers['Content-Type']).toBe('application/json');
    expect(JSON.parse(init.body)).toEqual({ name: 'admin', password: 'pw' });
  });

  it('puts paging in the query string', async () => {
    const fetch = stubFetch(200, { items: [], total: 0, page: 2, page_size: 50 });
    const api = createApiClient({ fetch });
    await api.listAudit({ page: 2, pageSize: 50 });
    await api.listUsers();
    expect(fetch.calls[0].url).toBe('/api/v1/audit?page=2&page_size=50');
    expect(fetch.calls[0].init.method).toBe('GET');
    expect(fetch.calls[0].init.body).toBeUndefined();
    expect(fetch.calls[1].url).toBe('/api/v1/users?page=1&page_size=20');
  });

  it('asks the calendar routes with their query and body', async () => {
    const fetch = stubFetch(200, {});
    const api = createApiClient({ fetch });
    await api.addWorkdays('2024-02-09', 0);
    await api.countWorkdays('2024-01-01', '2024-12-31');
    await api.getCalendar();
    await api.importCalendar('year 2027 x\n');
    expect(fetch.calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/v1/calendar/add-workdays?from=2024-02-09&days=0'],
      ['GET', '/api/v1/calendar/workdays?from=2024-01-01&to=2024-12-31'],
      ['GET', '/api/v1/calendar'],
      ['POST', '/api/v1/calendar'],
    ]);
    expect(JSON.parse(fetch.calls[3].init.body)).toEqual({ text: 'year 2027 x\n' });
  });

  it('adds and renames chains and saves the city total', async () => {
    const fetch = stubFetch(200, {});
    const api = createApiClient({ fetch });
    await api.listChains();
    await api.createChain({ code: 'smart-vision', name: '智能视觉', extra: 1 });
    await api.updateChain(7, { code: 'new-materials', name: '新材料' });
    await api.cityTotals();
    await api.saveCityTotal('2026-10', 35_621_052_053_738);
    expect(fetch.calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/v1/chains'],
      ['POST', '/api/v1/chains'],
      ['PUT', '/api/v1/chains/7'],
      ['GET', '/api/v1/indicators/city-totals'],
      ['PUT', '/api/v1/indicators/city-totals/2026-10'],
    ]);
    expect(JSON.parse(fetch.calls[1].init.body)).toEqual({ code: 'smart-vision', name: '智能视觉' });
    expect(JSON.parse(fetch.calls[2].init.body)).toEqual({ code: 'new-materials', name: '新材料' });
    expect(fetch.calls[4].init.body).toBe('{"above_scale_output_ytd_fen":35621052053738}');
  });

  it('asks the applications routes with their paths, queries and bodies', async () => {
    const fetch = stubFetch(200, {});
    const api = createApiClient({ fetch });
    await api.myEnterprises();
    await api.createApplication({ item_code: 'TZ-001', enterprise_id: 12 });
    await api.listApplications({ open: 'true', sort: 'deadline', page: 1, page_size: 20, q: '' });
    await api.getApplication(5);
    await api.updateApplication(5, { note: '扩建' });
    await api.applicationAction(5, 'request_correction', { reason: '缺材料', items: ['营业执照'] });
    await api.deleteMaterial(5, 9);
    await api.applicationStatistics({ from: '2026-01', to: '2026-12', by: 'item' });
    await api.listRepresentatives(12);
    await api.addRepresentative(12, 'qiye');
    await api.removeRepresentative(12, 'li si');
    expect(fetch.calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/v1/my/enterprises'],
      ['POST', '/api/v1/applications'],
      ['GET', '/api/v1/applications?open=true&sort=deadline&page=1&page_size=20'],
      ['GET', '/api/v1/applications/5'],
      ['PATCH', '/api/v1/applications/5'],
      ['POST', '/api/v1/applications/5/actions/request_correction'],
      ['DELETE', '/api/v1/applications/5/materials/9'],
      ['GET', '/api/v1/applications/statistics?from=2026-01&to=2026-12&by=item'],
      ['GET', '/api/v1/enterprises/12/representatives'],
      ['PUT', '/api/v1/enterprises/12/representatives/qiye'],
      ['DELETE', '/api/v1/enterprises/12/representatives/li%20si'],
    ]);
    expect(JSON.parse(fetch.calls[1].init.body)).toEqual({ item_code: 'TZ-001', enterprise_id: 12 });
    expect(JSON.parse(fetch.calls[5].init.body)).toEqual({ reason: '缺材料', items: ['营业执照'] });
    expect(fetch.calls[9].init.body).toBeUndefined();
  });

  it('returns null for 204', async () => {
    const api = createApiClient({ fetch: stubFetch(204) });
    await expect(api.logout()).resolves.toBeNull();
  });

  it('turns an error body into an ApiError', async () => {
    const body = { error: { code: 'name_taken', message: '用户名已存在', field: 'name' } };
    const api = createApiClient({ fetch: stubFetch(409, body), onUnauthorized: vi.fn() });
    const err = await api.createUser({ name: 'a' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'name_taken', message: '用户名已存在', field: 'name' });
  });

  it('does not treat a wrong password at login as a lost session', async () => {
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch: stubFetch(401, invalidCredentials), onUnauthorized });
    const err = await api.login('admin', 'wrong').catch((e) => e);
    expect(err).toMatchObject({ status: 401, code: 'invalid_credentials', message: '用户名或密码错误' });
    expect(err.isUnauthorized).toBe(true);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('reports a throttled login with the server message', async () => {
    const body = { error: { code: 'login_throttled', message: '尝试次数过多，请稍后再试', field: null } };
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch: stubFetch(429, body), onUnauthorized });
    await expect(api.login('admin', 'x')).rejects.toMatchObject({ status: 429, code: 'login_throttled' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it.each([
    ['listUsers', (api) => api.listUsers()],
    ['createUser', (api) => api.createUser({ name: 'x' })],
    ['listAudit', (api) => api.listAudit()],
    ['verifyAudit', (api) => api.verifyAudit()],
    ['switchZone', (api) => api.switchZone('demo-b')],
    ['getCalendar', (api) => api.getCalendar()],
  ])('sends the user to login on 401 from %s', async (_, call) => {
    const body = { error: { code: 'unauthenticated', message: '请先登录', field: null } };
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch: stubFetch(401, body), onUnauthorized });
    const err = await call(api).catch((e) => e);
    expect(err).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0][0]).toBe(err);
  });

  it('reads the public service guide with the zone, and never treats it as a lost session', async () => {
    const onUnauthorized = vi.fn();
    const fetch = stubFetch(401, { error: { code: 'unauthenticated', message: '请先登录', field: null } });
    const api = createApiClient({ fetch, onUnauthorized });
    await api.listServiceItems({ zone: 'zhuji-edz', q: '抵押', category: '', page: 1 }).catch(() => {});
    await api.serviceCategories('zhuji-edz').catch(() => {});
    await api.getServiceItem('zhuji-edz', 'BDC/9').catch(() => {});
    const urls = fetch.mock.calls.map((c) => c[0]);
    expect(urls).toEqual([
      `/api/v1/service-items?zone=zhuji-edz&q=${encodeURIComponent('抵押')}&page=1`,
      '/api/v1/service-items/categories?zone=zhuji-edz',
      '/api/v1/service-items/BDC%2F9?zone=zhuji-edz',
    ]);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('leaves the start-up session probe to the router', async () => {
    const onUnauthorized = vi.fn();
    const api = createApiClient({ fetch: stubFetch(401, {}), onUnauthorized });
    await expect(api.me()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not call the handler for other errors', async () => {
    const onUnauthorized = vi.fn();
    const body = { error: { code: 'forbidden', message: '无权限', field: null } };
    const api = createApiClient({ fetch: stubFetch(403, body), onUnauthorized });
    await expect(api.listUsers()).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('accepts a handler installed later', async () => {
    const api = createApiClient({ fetch: stubFetch(401, {}) });
    const handler = vi.fn();
    api.setUnauthorizedHandler(handler);
    await api.listAudit().catch(() => {});
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reports an unreachable server as status 0', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const api = createApiClient({ fetch, onUnauthorized: vi.fn() });
    const err = await api.health().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 0, code: 'network_error' });
    expect(err.cause).toBeInstanceOf(TypeError);
  });

  it('rejects a success answer that is not JSON', async () => {
    const api = createApiClient({ fetch: stubFetch(200, '<html>') });
    await expect(api.health()).rejects.toMatchObject({ code: 'bad_response', status: 200 });
  });

  it('handles a non-JSON error page', async () => {
    const api = createApiClient({ fetch: stubFetch(502, '<html>bad gateway</html>', { statusText: 'Bad Gateway' }) });
    await expect(api.listUsers()).rejects.toMatchObject({ status: 502, code: 'http_502' });
  });
});
