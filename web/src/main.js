import { createApp } from 'vue';
import { createPinia } from 'pinia';
import ElementPlus from 'element-plus';
import 'element-plus/dist/index.css';

import App from './App.vue';
import { api } from './api/client';
import { i18n } from './i18n';
import { createAppRouter } from './router';
import { useSessionStore } from './stores/session';
import './styles/main.css';

const app = createApp(App);
const pinia = createPinia();
const router = createAppRouter();

app.use(pinia);
app.use(i18n);
app.use(router);
app.use(ElementPlus);

// A 401 from any call but login means the session has ended: back to the login page,
// remembering where the user was.
api.setUnauthorizedHandler(() => {
  const session = useSessionStore(pinia);
  session.clear();
  const current = router.currentRoute.value;
  if (current.name !== 'login') {
    router.replace({ name: 'login', query: { redirect: current.fullPath, expired: '1' } });
  }
});

app.mount('#app');
