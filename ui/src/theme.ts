import { ref } from 'vue'

export type Theme = 'light' | 'dark'

const STORAGE_KEY = 'sre.theme'

/** The theme in use: the one chosen in this browser, else the system's preference. */
export const theme = ref<Theme>(initial())

function initial(): Theme {
  const chosen = localStorage.getItem(STORAGE_KEY)
  if (chosen === 'light' || chosen === 'dark') {
    return chosen
  }
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** Sets the theme on the page (styles.css reads data-theme) and remembers the choice. */
export function useTheme(next: Theme): void {
  theme.value = next
  document.documentElement.dataset.theme = next
  localStorage.setItem(STORAGE_KEY, next)
}

export function toggleTheme(): void {
  useTheme(theme.value === 'dark' ? 'light' : 'dark')
}

/** At start: the remembered choice, or the system's preference (not remembered, so it may change). */
export function applyChosenTheme(): void {
  document.documentElement.dataset.theme = theme.value
}
