import { z } from 'zod'
import { WorkspaceConfig } from '../../../shared/ipc/schemas'
import { checkEndpointText } from '../../../shared/secure-endpoint'

/** The key and token travel to these URLs, so main refuses plain http off this computer. */
const PLAIN_HTTP =
  'Use https: plain http is allowed only to this computer (localhost, 127.0.0.0/8, ::1)'
const secureUrl = (text: string): boolean => checkEndpointText(text, 'URL') === undefined

/** What the "Connect a workspace" form asks for; the secrets leave the renderer right after. */
export const ConnectFormValues = z
  .object({
    name: z.string().trim().min(1, 'Give the workspace a name').max(100),
    hostKind: z.enum(['us', 'eu', 'custom']),
    customUrl: z.string().trim(),
    apiKey: z.string().trim().min(1, 'Paste an Opsgenie API key').max(4096),
    relayUrl: z.string().trim(),
    relayToken: z.string().trim().max(4096),
    username: z.string().trim().max(100),
  })
  .superRefine((v, ctx) => {
    if (v.hostKind === 'custom' && !z.string().url().safeParse(v.customUrl).success) {
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

export const EMPTY_CONNECT_FORM: ConnectFormValues = {
  name: '',
  hostKind: 'us',
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
  const config = WorkspaceConfig.parse({
    id: workspaceIdFor(v.name, taken),
    name: v.name,
    host: v.hostKind === 'custom' ? v.customUrl : v.hostKind,
    ...(v.relayUrl !== '' ? { relayUrl: v.relayUrl } : {}),
    demo: false,
  })
  return {
    ok: true,
    config,
    apiKey: v.apiKey,
    ...(v.relayToken !== '' ? { relayToken: v.relayToken } : {}),
    ...(v.username !== '' ? { username: v.username } : {}),
  }
}
