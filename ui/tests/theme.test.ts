import { beforeEach, describe, expect, it, vi } from 'vitest'

describe('theme', () => {
  beforeEach(() => {
    localStorage.clear()
    delete document.documentElement.dataset.theme
    vi.resetModules()
  })

  it("follows the system's preference until someone chooses, then remembers the choice", async () => {
    window.matchMedia = vi.fn(() => ({ matches: true })) as unknown as typeof window.matchMedia
    const first = await import('../src/theme')
    first.applyChosenTheme()
    expect(first.theme.value).toBe('dark')
    expect(document.documentElement.dataset.theme).toBe('dark')
    expect(localStorage.getItem('sre.theme')).toBeNull()

    first.toggleTheme()
    expect(document.documentElement.dataset.theme).toBe('light')

    vi.resetModules()
    const later = await import('../src/theme')
    later.applyChosenTheme()
    expect(later.theme.value).toBe('light')
    expect(document.documentElement.dataset.theme).toBe('light')
  })
})
