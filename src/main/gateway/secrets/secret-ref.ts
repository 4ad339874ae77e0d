import { z } from 'zod'
import { InvalidSecretError } from './errors'
import { Secret } from './secret'

export const SECRET_KINDS = ['api-key', 'relay-token'] as const
export type SecretKind = (typeof SECRET_KINDS)[number]

/** Which secret: one API key and one relay device token per workspace. */
export interface SecretRef {
  readonly workspaceId: string
  readonly kind: SecretKind
}

/**
 * Workspace ids become part of the keychain account name (`<workspaceId>:<kind>`), so they are
 * kept to a charset that can neither contain the separator nor look odd in a keychain UI.
 */
export const WORKSPACE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/
/** Opsgenie keys are 36-character UUIDs and relay tokens are short; anything huge is a paste error. */
export const MAX_SECRET_LENGTH = 1024

export const secretRefSchema = z.strictObject({
  workspaceId: z.string().regex(WORKSPACE_ID_PATTERN),
  kind: z.enum(SECRET_KINDS),
})

/** Throws `InvalidSecretError` naming what is wrong with the workspace id. */
export function assertWorkspaceId(workspaceId: unknown): asserts workspaceId is string {
  if (typeof workspaceId !== 'string') {
    throw new InvalidSecretError(`workspace id must be a string, got ${typeof workspaceId}`)
  }
  if (!WORKSPACE_ID_PATTERN.test(workspaceId)) {
    throw new InvalidSecretError(
      `invalid workspace id ${JSON.stringify(workspaceId.slice(0, 80))}: use 1-64 characters from ` +
        'A-Z, a-z, 0-9, "_" and "-", starting with a letter or digit',
    )
  }
}

/** Parses an untrusted ref (it may come over IPC); throws `InvalidSecretError` with the reason. */
export function parseSecretRef(ref: unknown): SecretRef {
  if (typeof ref !== 'object' || ref === null) {
    throw new InvalidSecretError('secret ref must be an object { workspaceId, kind }')
  }
  const { workspaceId, kind } = ref as Record<string, unknown>
  assertWorkspaceId(workspaceId)
  if (typeof kind !== 'string' || !(SECRET_KINDS as readonly string[]).includes(kind)) {
    throw new InvalidSecretError(
      `invalid secret kind ${JSON.stringify(kind)}: expected one of ${SECRET_KINDS.join(', ')}`,
    )
  }
  const extra = Object.keys(ref).filter((key) => key !== 'workspaceId' && key !== 'kind')
  if (extra.length > 0)
    throw new InvalidSecretError(`unexpected field(s) in secret ref: ${extra.join(', ')}`)
  return { workspaceId, kind: kind as SecretKind }
}

/**
 * Checks a value before it reaches the keychain. Messages describe the problem but never quote
 * the value, since they may end up in a log or on screen.
 */
export function parseSecretValue(value: unknown, kind: SecretKind): Secret {
  const label = kind === 'api-key' ? 'API key' : 'relay token'
  const plain = value instanceof Secret ? value.reveal() : value
  if (typeof plain !== 'string') throw new InvalidSecretError(`${label} must be a string`)
  if (plain.length === 0) throw new InvalidSecretError(`${label} is empty`)
  if (plain.length > MAX_SECRET_LENGTH) {
    throw new InvalidSecretError(
      `${label} is too long (${plain.length} characters, at most ${MAX_SECRET_LENGTH})`,
    )
  }
  if (/[\r\n]/.test(plain)) throw new InvalidSecretError(`${label} contains a line break`)
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(plain))
    throw new InvalidSecretError(`${label} contains a control character`)
  if (plain.trim() !== plain) {
    throw new InvalidSecretError(`${label} starts or ends with whitespace (a copy-paste slip?)`)
  }
  return value instanceof Secret ? value : new Secret(plain)
}

/** The keychain account name for a ref; the inverse of `refFromAccount`. */
export function accountFor(ref: SecretRef): string {
  return `${ref.workspaceId}:${ref.kind}`
}

/** Reads back an account name; anything not written by `accountFor` (e.g. the probe) is null. */
export function refFromAccount(account: string): SecretRef | null {
  const at = account.lastIndexOf(':')
  if (at < 0) return null
  const parsed = secretRefSchema.safeParse({
    workspaceId: account.slice(0, at),
    kind: account.slice(at + 1),
  })
  return parsed.success ? parsed.data : null
}
