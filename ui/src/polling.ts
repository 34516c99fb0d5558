import { onBeforeUnmount, onMounted } from 'vue'

/** Calls `load` when the component mounts and every `everyMs` while it stays mounted. */
export function usePolling(load: () => Promise<void>, everyMs: number): void {
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    void load()
    timer = setInterval(() => void load(), everyMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
}
