// The one way the UI talks to the jingkai server: JSON over fetch, the session cookie
// travelling with every request, and every failure turned into an ApiError.

export const API_BASE = '/api/v1';

/**
 * A failed API call. `status` is the HTTP status (0 when the server was not reached),
 * `code` the machine-readable error code, `field` the input field at fault or null.
 */
export class ApiError extends Error {
  constructor({ status, code, message, field = null }) {
    super(message || code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field ?? null;
  }

  get isUnauthorized() {
    return this.status === 401;
  }
}

// The server's error shape is {"error":{"code","message","field"}}; anything else (a proxy
// page, an empty body) still becomes an ApiError with a code derived from the status.
export function errorFromBody(status, body, statusText = '') {
  const e = body && typeof body === 'object' ? body.error : null;
  if (e && typeof e === 'object' && typeof e.code === 'string') {
    return new ApiError({
      status,
      code: e.code,
      message: typeof e.message === 'string' ? e.message : '',
      field: typeof e.field === 'string' && e.field !== '' ? e.field : null,
    });
  }
  return new ApiError({
    status,
    code: `http_${status}`,
    message: statusText || `HTTP ${status}`,
  });
}

function buildUrl(path, query) {
  let url = path.startsWith('/api/') ? path : API_BASE + path;
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) {
      if (v !== undefined && v !== null && v !== '') params.append(k, String(v));
    }
    const s = params.toString();
    if (s) url += (url.includes('?') ? '&' : '?') + s;
  }
  return url;
}

async function readJson(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Creates a client. `fetch` is injectable for tests; `onUnauthorized` is called when any
 * call other than login (and other than those that ask not to, such as the session probe
 * at start-up) answers 401.
 */
export function createApiClient({ fetch: fetchImpl, onUnauthorized } = {}) {
  const doFetch = fetchImpl ?? ((...args) => globalThis.fetch(...args));
  let unauthorizedHandler = onUnauthorized ?? null;

  async function request(method, path, { body, query, redirectOn401 = true } = {}) {
    const headers = { Accept: 'application/json' };
    const init = { method, headers, credentials: 'same-origin' };
    // A request that changes something always names its Content-Type, body or not: the
    // server refuses one that doesn't (a cross-site form could send it).
    if (body !== undefined || method !== 'GET') headers['Content-Type'] = 'application/json';
    if (body !== undefined) init.body = JSON.stringify(body);
    let response;
    try {
      response = await doFetch(buildUrl(path, query), init);
    } catch (cause) {
      const err = new ApiError({
        status: 0,
        code: 'network_error',
        message: cause?.message || 'network error',
      });
      err.cause = cause;
      throw err;
    }
    if (response.status === 204) return null;
    const data = await readJson(response);
    if (response.ok) {
      if (data === undefined) {
        throw new ApiError({
          status: response.status,
          code: 'bad_response',
          message: 'response is not JSON',
        });
      }
      return data;
    }
    const err = errorFromBody(response.status, data, response.statusText);
    if (err.status === 401 && redirectOn401 && unauthorizedHandler) {
      unauthorizedHandler(err);
    }
    throw err;
  }

  return {
    request,
    setUnauthorizedHandler(fn) {
      unauthorizedHandler = fn;
    },
    // For requests made outside this client (file uploads with progress).
    notifyUnauthorized(err) {
      if (unauthorizedHandler) unauthorizedHandler(err);
    },

    health: () => request('GET', '/health', { redirectOn401: false }),

    // A wrong password is an answer to show on the login form, not a lost session.
    login: (name, password) =>
      request('POST', '/auth/login', { body: { name, password }, redirectOn401: false }),
    logout: () => request('POST', '/auth/logout', { redirectOn401: false }),
    // The router asks this before every first navigation and handles 401 itself.
    me: () => request('GET', '/auth/me', { redirectOn401: false }),
    switchZone: (zone) => request('PUT', '/auth/zone', { body: { zone } }),

    listUsers: ({ page = 1, pageSize = 20 } = {}) =>
      request('GET', '/users', { query: { page, page_size: pageSize } }),
    createUser: (user) => request('POST', '/users', { body: user }),

    listAudit: ({ page = 1, pageSize = 20 } = {}) =>
      request('GET', '/audit', { query: { page, page_size: pageSize } }),
    verifyAudit: () => request('GET', '/audit/verify'),

    // Working-day calendar: any signed-in user computes and reads; importing is for admins.
    addWorkdays: (from, days) => request('GET', '/calendar/add-workdays', { query: { from, days } }),
    countWorkdays: (from, to) => request('GET', '/calendar/workdays', { query: { from, to } }),
    getCalendar: () => request('GET', '/calendar'),
    importCalendar: (text) => request('POST', '/calendar', { body: { text } }),

    // Enterprise registry (企业库) and monthly statistics reports.
    listChains: () => request('GET', '/chains'),
    // The zone's own industrial chains (产业链) are kept by its admins.
    createChain: ({ code, name }) => request('POST', '/chains', { body: { code, name } }),
    updateChain: (id, { code, name }) =>
      request('PUT', `/chains/${encodeURIComponent(id)}`, { body: { code, name } }),
    listEnterprises: (query) => request('GET', '/enterprises', { query }),
    getEnterprise: (id) => request('GET', `/enterprises/${encodeURIComponent(id)}`),
    createEnterprise: (body) => request('POST', '/enterprises', { body }),
    updateEnterprise: (id, body) => request('PUT', `/enterprises/${encodeURIComponent(id)}`, { body }),
    enterpriseHistory: (id, { page = 1, pageSize = 20 } = {}) =>
      request('GET', `/enterprises/${encodeURIComponent(id)}/history`, { query: { page, page_size: pageSize } }),
    enterpriseReports: (id, { from, to, page = 1, pageSize = 100 } = {}) =>
      request('GET', `/enterprises/${encodeURIComponent(id)}/reports`, {
        query: { from, to, page, page_size: pageSize },
      }),
    saveReport: (id, period, figures) =>
      request('PUT', `/enterprises/${encodeURIComponent(id)}/reports/${encodeURIComponent(period)}`, {
        body: figures,
      }),
    listReports: (query) => request('GET', '/enterprise-reports', { query }),

    // The service guide (办事指南) is public: anyone may read a zone's published items, so
    // a 401 here is never a lost session (a visitor has none to lose).
    listServiceItems: (query) => request('GET', '/service-items', { query, redirectOn401: false }),
    serviceCategories: (zone) =>
      request('GET', '/service-items/categories', { query: { zone }, redirectOn401: false }),
    getServiceItem: (zone, code) =>
      request('GET', `/service-items/${encodeURIComponent(code)}`, { query: { zone }, redirectOn401: false }),

    // Who may apply for an enterprise (企业办事人): admins keep the list.
    listRepresentatives: (enterpriseId) =>
      request('GET', `/enterprises/${encodeURIComponent(enterpriseId)}/representatives`),
    addRepresentative: (enterpriseId, user) =>
      request('PUT', `/enterprises/${encodeURIComponent(enterpriseId)}/representatives/${encodeURIComponent(user)}`),
    removeRepresentative: (enterpriseId, user) =>
      request('DELETE', `/enterprises/${encodeURIComponent(enterpriseId)}/representatives/${encodeURIComponent(user)}`),
    myEnterprises: () => request('GET', '/my/enterprises'),

    // Applications (办件): the applicant's drafts and submissions, the officer's queue, the
    // workflow's actions and the statistics. Files go through api/upload.js.
    listApplications: (query) => request('GET', '/applications', { query }),
    createApplication: (body) => request('POST', '/applications', { body }),
    getApplication: (id) => request('GET', `/applications/${encodeURIComponent(id)}`),
    updateApplication: (id, body) => request('PATCH', `/applications/${encodeURIComponent(id)}`, { body }),
    applicationAction: (id, action, body = {}) =>
      request('POST', `/applications/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`, { body }),
    deleteMaterial: (id, materialId) =>
      request('DELETE', `/applications/${encodeURIComponent(id)}/materials/${encodeURIComponent(materialId)}`),
    applicationStatistics: ({ from, to, by }) => request('GET', '/applications/statistics', { query: { from, to, by } }),

    // Indicators: the dashboard, rankings, and any figure's drill-down list.
    dashboard: (period) => request('GET', '/indicators/dashboard', { query: { period } }),
    ranking: (query) => request('GET', '/indicators/ranking', { query }),
    cityTotals: () => request('GET', '/indicators/city-totals'),
    saveCityTotal: (period, fen) =>
      request('PUT', `/indicators/city-totals/${encodeURIComponent(period)}`, {
        body: { above_scale_output_ytd_fen: fen },
      }),
    // Only API paths: a drill comes from the server, but it is still data.
    drill: (path, query) => {
      if (typeof path !== 'string' || !path.startsWith(API_BASE + '/')) {
        return Promise.reject(new ApiError({ status: 0, code: 'bad_drill', message: `not an API path: ${path}` }));
      }
      return request('GET', path, { query });
    },
  };
}

// The application's client; main.js installs the 401 handler once the router exists.
export const api = createApiClient();
