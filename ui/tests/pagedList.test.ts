import { describe, expect, it, vi } from 'vitest'

class ApiError extends Error {}
vi.mock('../src/api/client', () => ({ ApiError }))
const { pageQuery, usePagedList } = await import('../src/pagedList')

describe('a paged list', () => {
  it('loads the first page, appends the next, and says a refusal in words', async () => {
    const fetchPage = vi.fn()
      .mockResolvedValueOnce({ items: [1, 2], nextCursor: 'c2' })
      .mockResolvedValueOnce({ items: [3], nextCursor: null })
      .mockRejectedValueOnce(new ApiError('You may not read this'))
    const list = usePagedList<number>('Changes', fetchPage)

    await list.load()
    expect([list.items.value, list.nextCursor.value, list.loading.value]).toEqual([[1, 2], 'c2', false])
    await list.load('c2')
    expect(fetchPage).toHaveBeenLastCalledWith('c2')
    expect([list.items.value, list.nextCursor.value]).toEqual([[1, 2, 3], null])
    await list.load()
    expect(list.error.value).toBe('Changes cannot be shown: You may not read this')
  })

  it('asks only for the filters that are set', () => {
    expect(pageQuery({ service: ' checkout ', state: '' }, 'c9').toString()).toBe('limit=50&service=checkout&cursor=c9')
  })
})
