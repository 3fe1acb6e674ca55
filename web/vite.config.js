import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

const here = path.dirname(fileURLToPath(import.meta.url));

// Which vendor chunk a module from node_modules belongs to. echarts is large and only
// the pages with charts need it, so it always gets a chunk of its own.
const vendorChunks = [
  ['echarts', ['/echarts/', '/zrender/', '/vue-echarts/', '/tslib/']],
  [
    'element-plus',
    [
      '/element-plus/',
      '/@element-plus/',
      '/@vueuse/',
      '/lodash-es/',
      '/lodash-unified/',
      '/dayjs/',
      '/@floating-ui/',
      '/@popperjs/',
      '/@sxzz/',
      '/@ctrl/',
      '/async-validator/',
      '/memoize-one/',
      '/normalize-wheel-es/',
    ],
  ],
  ['vue', ['/@vue/', '/vue/', '/vue-router/', '/pinia/', '/vue-i18n/', '/@intlify/']],
];

function manualChunks(id) {
  const normalized = id.split(path.sep).join('/');
  const at = normalized.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = normalized.slice(at + '/node_modules'.length);
  for (const [chunk, prefixes] of vendorChunks) {
    if (prefixes.some((p) => rest.startsWith(p))) return chunk;
  }
  return undefined;
}

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: { '@': path.resolve(here, 'src') },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __INTLIFY_DROP_MESSAGE_COMPILER__: false,
  },
  server: {
    // `npm run dev` talks to a jingkai server started separately (JINGKAI_API).
    proxy: { '/api': process.env.JINGKAI_API || 'http://127.0.0.1:8080' },
  },
  build: {
    outDir: path.resolve(here, '../build/web'),
    emptyOutDir: true,
    // Element Plus is imported whole; its chunk is about 1 MB before compression.
    chunkSizeWarningLimit: 1100,
    rollupOptions: {
      output: { manualChunks },
    },
  },
  test: {
    include: ['src/**/*.spec.js'],
    environment: 'node',
  },
});
