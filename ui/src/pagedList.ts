import { type Ref, ref } from 'vue'
import { ApiError } from './api/client'
import type { Page } from './api/types'

/**
 * A list the API serves in pages (`{items, nextCursor}`): the first page on {@code load()}, the next
 * appended on {@code load(nextCursor)}; a refused or failed load is said in words naming {@code what}.
 */
export function usePagedList<T>(what: string, fetchPage: (cursor?: string) => Promise<Page<T>>) {
  const items = ref([]) as Ref<T[]>
  const nextCursor = ref<string | null>(null)
  const loading = ref(true)
  const error = ref('')

  async function load(cursor?: string): Promise<void> {
    loading.value = !cursor
    error.value = ''
    try {
      const page = await fetchPage(cursor)
      items.value = cursor ? [...items.value, ...page.items] : page.items
      nextCursor.value = page.nextCursor
    } catch (e) {
      error.value = e instanceof ApiError ? `${what} cannot be shown: ${e.message}` : `${what} cannot be loaded right now.`
    } finally {
      loading.value = false
    }
  }

  return { items, nextCursor, loading, error, load }
}

/** The query of a list page: the filters that are set (trimmed), the page size, the cursor. */
export function pageQuery(filters: Record<string, string>, cursor?: string, limit = 50): URLSearchParams {
  const query = new URLSearchParams({ limit: String(limit) })
  Object.entries(filters).forEach(([name, value]) => value.trim() && query.set(name, value.trim()))
  if (cursor) query.set('cursor', cursor)
  return query
}
