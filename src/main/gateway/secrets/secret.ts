const REDACTED = '[redacted]'

/**
 * Holds a secret value so that it cannot leak by accident: logging, string interpolation,
 * `JSON.stringify`, `util.inspect` and `console.log` all print `[redacted]`. The only way to the
 * value is an explicit `reveal()`, which should appear right where a header is built.
 */
export class Secret {
  // A true private field: not enumerable, not shown by util.inspect, not copied by structuredClone.
  readonly #value: string

  constructor(value: string) {
    this.#value = value
  }

  /** The plain value; call only where it must leave the process (an HTTP header). */
  reveal(): string {
    return this.#value
  }

  /** For change detection ("is this the key we already store?") without revealing either side. */
  equals(other: Secret | string): boolean {
    return this.#value === (other instanceof Secret ? other.reveal() : other)
  }

  toString(): string {
    return REDACTED
  }

  toJSON(): string {
    return REDACTED
  }

  [Symbol.toPrimitive](): string {
    return REDACTED
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return REDACTED
  }
}

export { REDACTED }
