/**
 * Jira's v3 API writes rich text as Atlassian Document Format. Ondeck sends plain text as one
 * paragraph per line and reads back the text nodes.
 */
export interface AdfDoc {
  type: 'doc'
  version: 1
  content: { type: 'paragraph'; content: { type: 'text'; text: string }[] }[]
}

export function toAdf(text: string): AdfDoc {
  const lines = text.split('\n')
  return {
    type: 'doc',
    version: 1,
    content: lines
      .filter((line) => line !== '')
      .map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  }
}

export function adfToText(doc: unknown): string {
  if (typeof doc === 'string') return doc
  const walk = (node: unknown): string => {
    if (typeof node !== 'object' || node === null) return ''
    const n = node as { type?: unknown; text?: unknown; content?: unknown }
    if (typeof n.text === 'string') return n.text
    if (!Array.isArray(n.content)) return ''
    const parts = n.content.map(walk)
    return n.type === 'doc' ? parts.join('\n') : parts.join('')
  }
  return walk(doc)
}
