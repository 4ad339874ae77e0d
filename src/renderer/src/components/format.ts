/** Short, locale-independent time text for dense lists: "14:03" today, "3 Nov 14:03" otherwise. */
export function formatTime(iso: string | number, now = Date.now()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return String(iso)
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}`
  const today = new Date(now)
  if (date.toDateString() === today.toDateString()) return time
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''} ${time}`
}

/** Epoch-nanosecond text to a time, via milliseconds (display only; ordering uses the text). */
export function formatNanos(ns: string, now = Date.now()): string {
  const ms = ns.length > 6 ? Number(ns.slice(0, -6)) : 0
  return formatTime(ms, now)
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}
