import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { switchProject } from '../api/auth'
import { ApiError, api } from '../api/client'
import { activeProject, session, setSession } from '../api/session'
import { live } from '../live/live'

/**
 * The projects the signed-in person belongs to and the one they work in. Switching gets a token
 * for the other project and reconnects the live channel, so every page then shows that project.
 */
export const useProjectsStore = defineStore('projects', () => {
  const switching = ref(false)
  const error = ref('')
  const projects = computed(() => session.current?.projects ?? [])
  const active = computed(() => activeProject())

  async function switchTo(projectId: string): Promise<boolean> {
    if (projectId === session.current?.projectId) return true
    switching.value = true
    error.value = ''
    try {
      await switchProject(projectId)
      live.stop()
      live.start()
      return true
    } catch (e) {
      error.value = e instanceof ApiError ? `You cannot switch to that project: ${e.message}` : 'The project could not be switched; try again.'
      return false
    } finally {
      switching.value = false
    }
  }

  /** Renames a project (owners); the header and the switcher show the new name at once. */
  async function rename(projectId: string, name: string): Promise<void> {
    const renamed = await api<{ id: string; name: string }>(`/api/v1/projects/${projectId}`, {
      method: 'PATCH', body: JSON.stringify({ name }),
    })
    if (session.current) {
      setSession({ ...session.current, projects: session.current.projects.map((project) =>
        project.id === renamed.id ? { ...project, name: renamed.name } : project) })
    }
  }

  return { projects, active, switching, error, switchTo, rename }
})
