import { describe, expect, it, vi } from 'vitest'
import { LiveConnection, type LiveDeps } from '../src/live/LiveConnection'
import type { LiveMessage } from '../src/api/types'

class FakeSocket {
  onopen: (() => void) | null = null
  onmessage: ((event: { data: string }) => void) | null = null
  onclose: (() => void) | null = null
  closed = false
  constructor(readonly url: string) {}
  close() {
    this.closed = true
  }
}

function harness(tickets: string[] = ['t1', 't2', 't3']) {
  const sockets: FakeSocket[] = []
  const scheduled: { callback: () => void; delayMs: number }[] = []
  const deps: LiveDeps = {
    fetchTicket: vi.fn(async () => tickets.shift() ?? 'tx'),
    openSocket: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket as unknown as WebSocket
    },
    socketUrl: (ticket, lastEventId) => `ws://test/ws?ticket=${ticket}${lastEventId ? `&lastEventId=${lastEventId}` : ''}`,
    schedule: (callback, delayMs) => scheduled.push({ callback, delayMs }),
  }
  return { connection: new LiveConnection(deps), sockets, scheduled }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('LiveConnection', () => {
  it('opens the socket with a fresh ticket and hands messages to subscribers', async () => {
    const { connection, sockets } = harness()
    const received: LiveMessage[] = []
    connection.subscribe((message) => received.push(message))
    connection.start()
    await flush()

    expect(sockets[0].url).toBe('ws://test/ws?ticket=t1')
    sockets[0].onopen?.()
    expect(connection.state.value).toBe('live')
    sockets[0].onmessage?.({ data: JSON.stringify({ id: 'e1', type: 'incident.created', resource: null, data: {}, occurredAt: '' }) })
    sockets[0].onmessage?.({ data: 'not json' })
    expect(received.map((message) => message.id)).toEqual(['e1'])
  })

  it('reconnects with a new ticket after a drop, backing off', async () => {
    const { connection, sockets, scheduled } = harness()
    connection.start()
    await flush()
    sockets[0].onclose?.()
    expect(connection.state.value).toBe('offline')
    expect(scheduled[0].delayMs).toBe(1000)

    scheduled[0].callback()
    await flush()
    expect(sockets[1].url).toBe('ws://test/ws?ticket=t2')
    sockets[1].onclose?.()
    expect(scheduled[1].delayMs).toBe(2000)
  })

  it('reconnects naming the last event it saw and hands out a replayed event only once', async () => {
    const { connection, sockets, scheduled } = harness()
    const received: string[] = []
    connection.subscribe((message) => received.push(message.id ?? message.type))
    connection.start()
    await flush()
    const event = (id: string) => ({ data: JSON.stringify({ id, type: 'incident.updated', resource: null, data: {}, occurredAt: '' }) })
    sockets[0].onmessage?.(event('e1'))
    sockets[0].onmessage?.(event('e2'))
    sockets[0].onclose?.()
    scheduled[0].callback()
    await flush()

    expect(sockets[1].url).toBe('ws://test/ws?ticket=t2&lastEventId=e2')
    sockets[1].onmessage?.(event('e3'))
    sockets[1].onmessage?.(event('e3'))
    sockets[1].onmessage?.({ data: JSON.stringify({ id: null, type: 'resync', resource: null, data: {}, occurredAt: '' }) })
    expect(received).toEqual(['e1', 'e2', 'e3', 'resync'])
  })

  it('stays closed once stopped', async () => {
    const { connection, sockets, scheduled } = harness()
    connection.start()
    await flush()
    connection.stop()
    expect(sockets[0].closed).toBe(true)
    sockets[0].onclose?.()
    expect(scheduled).toHaveLength(0)
    expect(connection.state.value).toBe('offline')
  })
})
