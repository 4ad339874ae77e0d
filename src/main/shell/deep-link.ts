import {
  ALERTS_LINK_FIELDS,
  AlertsLink,
  DEEP_LINK_SCHEME,
  LINK_SORTS,
} from '../../shared/ipc/links'

/** Longer than any link Ondeck writes by far; a longer one is not a filter someone shared. */
export const MAX_LINK_LENGTH = 2048

export type LinkParse = { ok: true; link: AlertsLink } | { ok: false; error: string }

const KNOWN = new Set<string>(ALERTS_LINK_FIELDS)

/**
 * Reads an `ondeck://alerts?...` URL (from the OS: a click in a browser, chat or terminal) into
 * the validated form the renderer applies. Everything else is refused with a sentence saying
 * why: another scheme or target, an unknown or repeated field, a value outside its field's set.
 * Nothing in it is trusted: the renderer gets only the normalised `AlertsLink`.
 */
export function parseAlertsLink(raw: string): LinkParse {
  if (raw.length > MAX_LINK_LENGTH)
    return refuse(`the link is longer than ${MAX_LINK_LENGTH} characters`)
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return refuse('it is not a URL')
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`)
    return refuse(`it is not an ${DEEP_LINK_SCHEME}:// link`)
  if (url.host !== 'alerts' || (url.pathname !== '' && url.pathname !== '/'))
    return refuse(
      `${DEEP_LINK_SCHEME}:// links open only alerts (${DEEP_LINK_SCHEME}://alerts?...)`,
    )
  if (url.username !== '' || url.password !== '' || url.port !== '' || url.hash !== '')
    return refuse('it carries parts an alerts link never has (user, port or fragment)')
  const fields = new Map<string, string>()
  for (const [key, value] of url.searchParams) {
    if (!KNOWN.has(key))
      return refuse(`unknown field "${clip(key)}" (known: ${ALERTS_LINK_FIELDS.join(', ')})`)
    if (fields.has(key)) return refuse(`the field "${key}" is given twice`)
    fields.set(key, value)
  }
  const mine = fields.get('mine')
  const priorities = fields.get('p')
  const candidate = {
    ...given('workspaceId', fields.get('workspace')),
    ...given('status', fields.get('status')),
    ...given(
      'priorities',
      priorities === undefined
        ? undefined
        : [...new Set(priorities.split(',').map((p) => p.trim().toUpperCase()))].sort(),
    ),
    ...given('acknowledged', fields.get('ack')),
    ...given(
      'mine',
      mine === undefined
        ? undefined
        : mine === '1' || mine === 'true'
          ? true
          : mine === '0' || mine === 'false'
            ? false
            : mine,
    ),
    ...given('team', fields.get('team')),
    ...given('service', fields.get('service')),
    ...given('search', fields.get('q')),
    ...given('sort', fields.get('sort')),
  }
  const parsed = AlertsLink.safeParse(candidate)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const field = FIELD_NAMES[String(issue?.path[0] ?? '')] ?? String(issue?.path[0] ?? '?')
    return refuse(`the field "${field}" is not valid: ${describeIssue(field, issue?.message)}`)
  }
  return { ok: true, link: parsed.data }
}

/** The link's field for each key of `AlertsLink`, so an error names what the sender typed. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  workspaceId: 'workspace',
  status: 'status',
  priorities: 'p',
  acknowledged: 'ack',
  mine: 'mine',
  team: 'team',
  service: 'service',
  search: 'q',
  sort: 'sort',
}

function describeIssue(field: string, message: string | undefined): string {
  switch (field) {
    case 'status':
      return 'use open, closed or all'
    case 'p':
      return 'use P1 to P5, separated by commas'
    case 'ack':
      return 'use any, yes or no'
    case 'mine':
      return 'use 1 or 0'
    case 'sort':
      return `use ${LINK_SORTS.join(', ')}`
    default:
      return message ?? 'not accepted'
  }
}

function given<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>)
}

const clip = (text: string): string => (text.length <= 40 ? text : `${text.slice(0, 39)}…`)

const refuse = (why: string): LinkParse => ({
  ok: false,
  error: `Ondeck ignored a link: ${why}.`,
})

/** The `ondeck://` argument among a command line's (Windows and Linux pass the link as one). */
export function linkInArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`))
}

export interface DeepLinks {
  /** A link from the OS: validated, kept for the page and announced; refused ones are logged. */
  open(url: string): LinkParse
  /** The latest valid link not yet taken (`links:take`), once. */
  take(): AlertsLink | null
}

/**
 * Holds the latest valid link until the page takes it: a link that launched the app arrives
 * before the page listens (macOS sends `open-url` before ready; Windows and Linux put it on the
 * command line), so main keeps it and announces `links:arrived`; the page takes it on start and
 * after each announcement. A newer link replaces one not yet taken.
 */
export function createDeepLinks(deps: {
  announce(): void
  reveal(): void
  log: { warn(message: string): void }
}): DeepLinks {
  let pending: AlertsLink | null = null
  return {
    open(url) {
      const parsed = parseAlertsLink(url)
      if (!parsed.ok) {
        deps.log.warn(parsed.error)
        return parsed
      }
      pending = parsed.link
      deps.reveal()
      deps.announce()
      return parsed
    },
    take() {
      const link = pending
      pending = null
      return link
    },
  }
}
