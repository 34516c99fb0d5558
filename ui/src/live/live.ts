import { post } from '../api/client'
import { LiveConnection } from './LiveConnection'

/** The app's one live connection, through the same origin (the dev proxy or the Ingress route /ws). */
export const live = new LiveConnection({
  fetchTicket: async () => (await post<{ ticket: string }>('/api/v1/auth/ws-ticket')).ticket,
  openSocket: (url) => new WebSocket(url),
  socketUrl: (ticket, lastEventId) =>
    `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws?ticket=${encodeURIComponent(ticket)}`
    + (lastEventId ? `&lastEventId=${encodeURIComponent(lastEventId)}` : ''),
  schedule: (callback, delayMs) => setTimeout(callback, delayMs),
})
