import { ref } from 'vue'
import type { LiveMessage } from '../api/types'

export type LiveState = 'offline' | 'connecting' | 'live'
export type Listener = (message: LiveMessage) => void

/** What the connection needs from the outside world, so tests can stand in for it. */
export interface LiveDeps {
  fetchTicket: () => Promise<string>
  openSocket: (url: string) => WebSocket
  /** The socket's URL; `lastEventId` names the last event seen, so the server replays what was missed. */
  socketUrl: (ticket: string, lastEventId: string | null) => string
  schedule: (callback: () => void, delayMs: number) => unknown
}

const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 15_000
/** Event ids remembered, so one replayed and also received live is handed out once. */
const REMEMBERED_IDS = 500

/**
 * The project's live events over the realtime WebSocket. Each attempt fetches a fresh one-use
 * ticket; a dropped connection is retried with exponential backoff until stopped, naming the last
 * event seen so the server sends what was missed (or `resync`, which views answer by refetching).
 */
export class LiveConnection {
  readonly state = ref<LiveState>('offline')
  private readonly listeners = new Set<Listener>()
  private socket: WebSocket | null = null
  private running = false
  private retryMs = FIRST_RETRY_MS
  private lastEventId: string | null = null
  private readonly seen: string[] = []

  constructor(private readonly deps: LiveDeps) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  start(): void {
    if (!this.running) {
      this.running = true
      void this.connect()
    }
  }

  stop(): void {
    this.running = false
    this.socket?.close()
    this.socket = null
    this.state.value = 'offline'
  }

  private async connect(): Promise<void> {
    if (!this.running) {
      return
    }
    this.state.value = 'connecting'
    let ticket: string
    try {
      ticket = await this.deps.fetchTicket()
    } catch {
      this.retryLater()
      return
    }
    const socket = this.deps.openSocket(this.deps.socketUrl(ticket, this.lastEventId))
    this.socket = socket
    socket.onopen = () => {
      this.state.value = 'live'
      this.retryMs = FIRST_RETRY_MS
    }
    socket.onmessage = (event) => this.dispatch(String(event.data))
    socket.onclose = () => {
      if (this.socket === socket) {
        this.socket = null
        this.retryLater()
      }
    }
  }

  private dispatch(text: string): void {
    let message: LiveMessage
    try {
      message = JSON.parse(text) as LiveMessage
    } catch {
      return
    }
    if (message.id) {
      if (this.seen.includes(message.id)) {
        return
      }
      this.seen.push(message.id)
      if (this.seen.length > REMEMBERED_IDS) {
        this.seen.shift()
      }
      this.lastEventId = message.id
    }
    this.listeners.forEach((listener) => listener(message))
  }

  private retryLater(): void {
    if (!this.running) {
      return
    }
    this.state.value = 'offline'
    const delay = this.retryMs
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS)
    this.deps.schedule(() => void this.connect(), delay)
  }
}
