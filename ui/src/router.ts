import { createRouter, createWebHistory } from 'vue-router'
import { resumeSession } from './api/auth'
import AuditView from './views/AuditView.vue'
import IncidentDetailView from './views/IncidentDetailView.vue'
import IncidentsView from './views/IncidentsView.vue'
import LoginView from './views/LoginView.vue'
import RegisterView from './views/RegisterView.vue'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', name: 'incidents', component: IncidentsView },
    { path: '/incidents/:id', name: 'incident', component: IncidentDetailView, props: true },
    { path: '/audit', name: 'audit', component: AuditView },
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
