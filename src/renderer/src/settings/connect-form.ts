import { z } from 'zod'
import { WorkspaceConfig } from '../../../shared/ipc/schemas'
import { checkEndpointText } from '../../../shared/secure-endpoint'

/** The key and token travel to these URLs, so main refuses plain http off this computer. */
const PLAIN_HTTP =
  'Use https: plain http is allowed only to this computer (localhost, 127.0.0.0/8, ::1)'
const secureUrl = (text: string): boolean => checkEndpointText(text, 'URL') === undefined

/** Where JSM Operations' API lives for every site; the Advanced fold may point elsewhere. */
export const JSM_API_URL = 'https://api.atlassian.com'

/**
 * What the "Connect a workspace" form asks for; the secrets leave the renderer right after.
 * `provider` picks the part shown: Opsgenie's host and API key, or a Jira Service Management
 * site, the e-mail its API token belongs to, the token (kept in `apiKey`: it goes to the same
 * keychain slot) and, under Advanced, the API URL and the incident project.
 */
export const ConnectFormValues = z
  .object({
    name: z.string().trim().min(1, 'Give the workspace a name').max(100),
    provider: z.enum(['opsgenie', 'jsm']).default('opsgenie'),
    hostKind: z.enum(['us', 'eu', 'custom']),
    customUrl: z.string().trim(),
    siteUrl: z.string().trim().default(''),
    email: z.string().trim().default(''),
    apiUrl: z.string().trim().default(''),
    incidentProject: z.string().trim().default(''),
    apiKey: z.string().trim().max(4096),
    relayUrl: z.string().trim(),
    relayToken: z.string().trim().max(4096),
    username: z.string().trim().max(100),
  })
  .superRefine((v, ctx) => {
    // named for what this provider calls it, so the responder knows which secret to fetch
    if (v.apiKey === '') {
      const message =
        v.provider === 'jsm' ? 'Paste an Atlassian API token' : 'Paste an Opsgenie API key'
      ctx.addIssue({ code: 'custom', path: ['apiKey'], message })
    }
    if (v.provider === 'jsm') checkJsmFields(v, ctx)
    else if (v.hostKind === 'custom' && !z.string().url().safeParse(v.customUrl).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['customUrl'],
        message: 'Enter the API URL, e.g. https://api.example.com',
      })
    } else if (v.hostKind === 'custom' && !secureUrl(v.customUrl)) {
      ctx.addIssue({ code: 'custom', path: ['customUrl'], message: PLAIN_HTTP })
    }
    if (v.relayUrl !== '' && !z.string().url().safeParse(v.relayUrl).success) {
      ctx.addIssue({
        code: 'custom',
        path: ['relayUrl'],
        message: 'Enter the relay URL, e.g. https://relay.example.com',
      })
    } else if (v.relayUrl !== '' && !secureUrl(v.relayUrl)) {
      ctx.addIssue({ code: 'custom', path: ['relayUrl'], message: PLAIN_HTTP })
    }
    if (v.relayUrl === '' && v.relayToken !== '') {
      ctx.addIssue({
        code: 'custom',
        path: ['relayUrl'],
        message: 'A device token needs the relay URL it belongs to',
      })
    }
    if (v.relayUrl !== '' && v.relayToken === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['relayToken'],
        message: 'A relay needs this device’s token',
      })
    }
  })
export type ConnectFormValues = z.input<typeof ConnectFormValues>

function sameOriginOrAtlassian(apiUrl: string, siteUrl: string): boolean {
  try {
    const origin = new URL(apiUrl).origin
    return origin === JSM_API_URL || origin === new URL(siteUrl).origin
  } catch {
    return false
  }
}

function checkJsmFields(
  v: { siteUrl: string; email: string; apiUrl: string; incidentProject: string },
  ctx: z.RefinementCtx,
): void {
  if (!z.string().url().safeParse(v.siteUrl).success)
    ctx.addIssue({
      code: 'custom',
      path: ['siteUrl'],
      message: 'Enter your site, e.g. https://example.atlassian.net',
    })
  else if (!secureUrl(v.siteUrl))
    ctx.addIssue({ code: 'custom', path: ['siteUrl'], message: PLAIN_HTTP })
  if (!z.string().email().safeParse(v.email).success)
    ctx.addIssue({
      code: 'custom',
      path: ['email'],
      message: 'Enter the e-mail of the Atlassian account the API token belongs to',
    })
  if (v.apiUrl !== '' && !z.string().url().safeParse(v.apiUrl).success)
    ctx.addIssue({ code: 'custom', path: ['apiUrl'], message: `Enter a URL, e.g. ${JSM_API_URL}` })
  else if (v.apiUrl !== '' && !secureUrl(v.apiUrl))
    ctx.addIssue({ code: 'custom', path: ['apiUrl'], message: PLAIN_HTTP })
  else if (v.apiUrl !== '' && !sameOriginOrAtlassian(v.apiUrl, v.siteUrl))
    ctx.addIssue({
      code: 'custom',
      path: ['apiUrl'],
      message: `The token goes only to ${JSM_API_URL} or to the site itself`,
    })
  if (v.incidentProject !== '' && !/^[A-Z][A-Z0-9_]{0,9}$/.test(v.incidentProject))
    ctx.addIssue({
      code: 'custom',
      path: ['incidentProject'],
      message: 'A Jira project key in capitals, e.g. OPS',
    })
}

export const EMPTY_CONNECT_FORM: ConnectFormValues = {
  name: '',
  provider: 'opsgenie',
  hostKind: 'us',
  siteUrl: '',
  email: '',
  apiUrl: '',
  incidentProject: '',
  customUrl: '',
  apiKey: '',
  relayUrl: '',
  relayToken: '',
  username: '',
}

export type FieldErrors = Partial<Record<keyof ConnectFormValues, string>>

/** Lowercase letters, digits and dashes, unique among the ids already taken. */
export function workspaceIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'workspace'
  let id = base
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`
  return id
}

export type ParsedConnectForm =
  | { ok: true; config: WorkspaceConfig; apiKey: string; relayToken?: string; username?: string }
  | { ok: false; errors: FieldErrors }

export function parseConnectForm(
  values: ConnectFormValues,
  taken: ReadonlySet<string>,
): ParsedConnectForm {
  const parsed = ConnectFormValues.safeParse(values)
  if (!parsed.success) {
    const errors: FieldErrors = {}
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] as keyof ConnectFormValues
      errors[key] ??= issue.message
    }
    return { ok: false, errors }
  }
  const v = parsed.data
  const jsm = v.provider === 'jsm'
  const config = WorkspaceConfig.parse({
    id: workspaceIdFor(v.name, taken),
    name: v.name,
    // A JSM token is bound to its site, as an Opsgenie key is to its host.
    host: jsm ? v.siteUrl.replace(/\/+$/, '') : v.hostKind === 'custom' ? v.customUrl : v.hostKind,
    ...(v.relayUrl !== '' ? { relayUrl: v.relayUrl } : {}),
    demo: false,
    ...(jsm
      ? {
          provider: 'jsm',
          jsm: {
            ...(v.apiUrl !== '' ? { apiUrl: v.apiUrl.replace(/\/+$/, '') } : {}),
            email: v.email,
            ...(v.incidentProject !== '' ? { incidentProject: v.incidentProject } : {}),
          },
        }
      : {}),
  })
  return {
    ok: true,
    config,
    apiKey: v.apiKey,
    ...(v.relayToken !== '' ? { relayToken: v.relayToken } : {}),
    // On JSM the e-mail is the username the directory knows (Mine, am I on call?).
    ...(v.username !== '' ? { username: v.username } : jsm ? { username: v.email } : {}),
  }
}
