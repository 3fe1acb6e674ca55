import { defineStore } from 'pinia';
import { api } from '@/api/client';

// Who is signed in and in which zone they are working. The session itself is the
// HttpOnly cookie the server sets; this store only mirrors the user it describes.
export const useSessionStore = defineStore('session', {
  state: () => ({
    user: null,
    // True once the server has been asked whether a session exists.
    checked: false,
  }),

  getters: {
    isLoggedIn: (s) => s.user !== null,
    zones: (s) => s.user?.zones ?? [],
    currentZoneCode: (s) => s.user?.current_zone ?? null,
    currentZone() {
      return this.zones.find((z) => z.code === this.currentZoneCode) ?? null;
    },
    roles() {
      return this.currentZone?.roles ?? [];
    },
    isAdmin() {
      return this.roles.includes('admin');
    },
  },

  actions: {
    // Asks the server once per page load; a 401 simply means "not signed in".
    async check() {
      if (this.checked) return this.user;
      try {
        const data = await api.me();
        this.user = data?.user ?? null;
      } catch (err) {
        if (err?.status !== 401) console.warn('session check failed', err);
        this.user = null;
      }
      this.checked = true;
      return this.user;
    },

    async login(name, password) {
      const data = await api.login(name, password);
      this.user = data.user;
      this.checked = true;
      return this.user;
    },

    async logout() {
      try {
        await api.logout();
      } finally {
        this.clear();
      }
    },

    async switchZone(code) {
      const data = await api.switchZone(code);
      this.user = data.user;
      return this.user;
    },

    clear() {
      this.user = null;
      this.checked = true;
    },
  },
});
