/**
 * Testing Library waits (findBy…, waitFor) give up after 1 s by default; two cores running 224
 * files in parallel can take longer than that for one IndexedDB round trip. A wait still fails
 * when what it waits for never comes, only later.
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom')
  configure({ asyncUtilTimeout: 5_000 })
}
export {}
