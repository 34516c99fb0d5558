import { nextTick } from 'vue'
import { createRouter, createWebHistory } from 'vue-router'
import { resumeSession } from './api/auth'
import IncidentDetailView from './views/IncidentDetailView.vue'
import IncidentsView from './views/IncidentsView.vue'
import LoginView from './views/LoginView.vue'
import RegisterView from './views/RegisterView.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'incidents', component: IncidentsView },
    { path: '/incidents/:id', name: 'incident', component: IncidentDetailView, props: true },
    // Loaded when first opened: they bring the chart library the incident pages do not need.
    { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue') },
    { path: '/ai-usage', name: 'ai-usage', component: () => import('./views/AiUsageView.vue') },
    { path: '/audit', name: 'audit', component: () => import('./views/AuditView.vue') },
    { path: '/changes', name: 'changes', component: () => import('./views/ChangesView.vue'),
      props: (route) => ({ service: typeof route.query.service === 'string' ? route.query.service : undefined }) },
    { path: '/runbooks', name: 'runbooks', component: () => import('./views/RunbooksView.vue') },
    { path: '/policies', name: 'policies', component: () => import('./views/PoliciesView.vue') },
    { path: '/members', name: 'members', component: () => import('./views/MembersView.vue') },
    { path: '/channels', name: 'channels', component: () => import('./views/ChannelsView.vue') },
    { path: '/integrations', name: 'integrations', component: () => import('./views/IntegrationsView.vue') },
    { path: '/system', name: 'system', component: () => import('./views/SystemView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
    { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
    { path: '/register', name: 'register', component: RegisterView, meta: { public: true } },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) {
    return true
  }
  return (await resumeSession()) ? true : { name: 'login', query: { next: to.fullPath } }
})

// After moving to another page, focus is put on the page itself (as a full page load would reset it):
// keyboard users continue from the new content, screen readers announce it. Not on the first load,
// where the skip link must stay the first stop.
router.afterEach((to, from) => {
  if (from.matched.length && to.path !== from.path) {
    void nextTick(() => document.getElementById('main')?.focus({ preventScroll: true }))
  }
})
