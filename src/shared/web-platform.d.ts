/**
 * src/shared is typed with ES2023 alone (tsconfig.shared.json): no DOM and no Node, so code that
 * reaches for `window`, `document`, `Buffer` or `process` fails to compile. The WHATWG `URL` is the
 * one platform global it relies on, present in Chromium, Node and Electron alike; it is declared
 * here with only the members shared code reads, so nothing else slips in with it.
 */
interface URL {
  readonly href: string
  readonly protocol: string
  readonly hostname: string
}

declare const URL: {
  prototype: URL
  new (url: string, base?: string): URL
}

/** Web Crypto, present as `globalThis.crypto` in Chromium and Node 19+: only what uuid.ts reads. */
declare const crypto: {
  randomUUID(): string
}
