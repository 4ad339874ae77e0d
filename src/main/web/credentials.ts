import { newSecret, secretDigest, secretMatches } from './security'

export type Exchange =
  | { readonly ok: true; readonly session: string }
  | { readonly ok: false; readonly reason: 'used' | 'unknown' }

export interface Credentials {
  /** A fresh launch token, good for one exchange. */
  issueLaunch(): string
  /**
   * Burns a launch token and answers the session secret it buys. A token seen before answers
   * `used` (so the page can say so), one never issued `unknown`.
   */
  exchange(launch: string): Exchange
  sessionValid(session: string): boolean
}

interface Launch {
  readonly digest: Buffer
  used: boolean
}

/**
 * Browser mode's two secrets. The launch token travels in a URL (terminal, address bar, maybe
 * history), so it is single-use; the session secret it is exchanged for never leaves the page that
 * exchanged it (sessionStorage, WebSocket subprotocol). Only digests are kept, every comparison is
 * constant-time, and every candidate is compared, so timing tells nothing about which matched.
 */
export function createCredentials(): Credentials {
  const launches: Launch[] = []
  const sessions: Buffer[] = []

  const findLaunch = (presented: string): Launch | undefined => {
    let found: Launch | undefined
    for (const launch of launches) if (secretMatches(presented, launch.digest)) found = launch
    return found
  }

  return {
    issueLaunch() {
      const token = newSecret()
      launches.push({ digest: secretDigest(token), used: false })
      return token
    },
    exchange(presented) {
      const launch = findLaunch(presented)
      if (launch === undefined) return { ok: false, reason: 'unknown' }
      if (launch.used) return { ok: false, reason: 'used' }
      launch.used = true
      const session = newSecret()
      sessions.push(secretDigest(session))
      return { ok: true, session }
    },
    sessionValid(presented) {
      let valid = false
      for (const digest of sessions) if (secretMatches(presented, digest)) valid = true
      return valid
    },
  }
}
