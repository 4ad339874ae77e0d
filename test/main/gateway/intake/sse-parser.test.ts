import { describe, expect, it } from 'vitest'
import {
  createSseParser,
  MAX_SSE_FRAME_CHARS,
  SseFrameTooLargeError,
  type SseMessage,
} from '../../../../src/main/gateway/intake/sse-parser'
import { MAX_BODY_BYTES } from '../../../../src/relay/index'
import { sseFrame } from '../../../../src/relay/sse'

function parse(chunks: readonly string[]): {
  messages: SseMessage[]
  comments: string[]
  retries: number[]
} {
  const messages: SseMessage[] = []
  const comments: string[] = []
  const retries: number[] = []
  const parser = createSseParser({
    onMessage: (m) => messages.push(m),
    onComment: (c) => comments.push(c),
    onRetry: (ms) => retries.push(ms),
  })
  for (const chunk of chunks) parser.push(chunk)
  return { messages, comments, retries }
}

/** Every way to cut `text` in two, so no chunk boundary can break the parser. */
function allSplits(text: string): string[][] {
  return Array.from({ length: text.length + 1 }, (_, i) => [text.slice(0, i), text.slice(i)])
}

describe('SSE parser', () => {
  it('reads fields, joins multi-line data with LF and keeps the id across messages', () => {
    const { messages } = parse([
      'id: 7\nevent: opsgenie\ndata: {"a":\ndata: 1}\n\ndata: second\n\n',
    ])
    expect(messages).toEqual([
      { event: 'opsgenie', data: '{"a":\n1}', lastEventId: '7' },
      { event: 'message', data: 'second', lastEventId: '7' },
    ])
  })

  it('accepts LF, CR and CRLF line endings, split anywhere between chunks', () => {
    const expected = [
      { event: 'reset', data: 'x', lastEventId: '4' },
      { event: 'message', data: 'y', lastEventId: '5' },
    ]
    for (const eol of ['\n', '\r', '\r\n']) {
      const text = ['id: 4', 'event: reset', 'data: x', '', 'id: 5', 'data: y', '', ''].join(eol)
      for (const chunks of allSplits(text)) expect(parse(chunks).messages).toEqual(expected)
      expect(parse([...text]).messages).toEqual(expected) // one character at a time
    }
  })

  it('treats a CR at the end of one chunk and an LF at the start of the next as one line break', () => {
    const { messages } = parse(['data: a\r', '\n\r', '\ndata: b\r\n\r\n'])
    expect(messages.map((m) => m.data)).toEqual(['a', 'b'])
  })

  it('reports comments (heartbeats) without dispatching, and strips one leading space', () => {
    const { messages, comments } = parse([': heartbeat\n\n:no-space\n\n'])
    expect(messages).toEqual([])
    expect(comments).toEqual(['heartbeat', 'no-space'])
  })

  it('does not dispatch a message without data, but its id still counts', () => {
    const { messages } = parse(['id: 3\nevent: opsgenie\n\ndata: later\n\n'])
    expect(messages).toEqual([{ event: 'message', data: 'later', lastEventId: '3' }])
  })

  it('dispatches an empty data field as an empty message, like EventSource', () => {
    expect(parse(['data\n\ndata:\n\n']).messages.map((m) => m.data)).toEqual(['', ''])
  })

  it('keeps colons inside values and strips only one space after the field colon', () => {
    const { messages } = parse(['data:  two spaces: kept\n\n'])
    expect(messages[0]?.data).toBe(' two spaces: kept')
  })

  it('reports a numeric retry and ignores a malformed one, and ignores unknown fields', () => {
    const { messages, retries } = parse(['retry: 2500\nretry: 1e3\nfoo: bar\ndata: x\n\n'])
    expect(retries).toEqual([2500])
    expect(messages).toEqual([{ event: 'message', data: 'x', lastEventId: '' }])
  })

  it('ignores an id containing NUL, and an empty id clears it', () => {
    const { messages } = parse(['id: 1\ndata: a\n\nid: 2\0\ndata: b\n\nid\ndata: c\n\n'])
    expect(messages.map((m) => m.lastEventId)).toEqual(['1', '1', ''])
  })

  it('drops a leading BOM and a final message that never got its blank line', () => {
    const messages: SseMessage[] = []
    const parser = createSseParser({ onMessage: (m) => messages.push(m) })
    parser.push('\uFEFFdata: first\n\ndata: cut')
    parser.end()
    expect(messages.map((m) => m.data)).toEqual(['first'])
  })

  it('starts from the given last event id', () => {
    const messages: SseMessage[] = []
    createSseParser({ onMessage: (m) => messages.push(m) }, '41').push('data: x\n\n')
    expect(messages[0]?.lastEventId).toBe('41')
  })

  it('refuses a frame past the cap, however it is split, before buffering more of it', () => {
    const parser = createSseParser({ onMessage: () => undefined }, '', { maxFrameChars: 100 })
    parser.push('id: 1\nevent: opsgenie\ndata: ')
    parser.push('x'.repeat(50))
    expect(() => parser.push('x'.repeat(60))).toThrow(SseFrameTooLargeError)
    const lines = createSseParser({ onMessage: () => undefined }, '', { maxFrameChars: 100 })
    expect(() => {
      for (let i = 0; i < 20; i += 1) lines.push('data: 0123456789\n')
    }).toThrow('an event from the relay is larger than 100 characters')
  })

  it('counts per frame: heartbeats and many normal frames never add up to the cap', () => {
    const messages: SseMessage[] = []
    const parser = createSseParser({ onMessage: (m) => messages.push(m) }, '', {
      maxFrameChars: 64,
    })
    for (let i = 0; i < 1000; i += 1)
      parser.push(`: heartbeat\n\nid: ${i}\ndata: ${'y'.repeat(30)}\n\n`)
    expect(messages).toHaveLength(1000)
  })

  it('the default cap fits the largest webhook the relay stores, even with every character escaped', () => {
    // A JSON body of 1 MiB made of quotes and backslashes: JSON.stringify doubles each one.
    const inner = '\\"'.repeat((MAX_BODY_BYTES - 8) / 2)
    const payload = `{"a":"${inner}"}`.padEnd(MAX_BODY_BYTES, ' ')
    expect(payload.length).toBe(MAX_BODY_BYTES)
    const frame = sseFrame({
      id: 9007199254740991,
      receivedAt: Date.now(),
      action: 'Create',
      alertId: 'a'.repeat(200),
      dedupKey: 'd'.repeat(600),
      repeat: false,
      payload,
    })
    expect(frame.length).toBeGreaterThan(2 * MAX_BODY_BYTES)
    const messages: SseMessage[] = []
    const parser = createSseParser({ onMessage: (m) => messages.push(m) })
    for (let at = 0; at < frame.length; at += 65_536) parser.push(frame.slice(at, at + 65_536))
    expect(messages).toHaveLength(1)
    expect(MAX_SSE_FRAME_CHARS).toBeLessThanOrEqual(3 * MAX_BODY_BYTES)
  })
})
