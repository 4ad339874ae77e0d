import { cpus, loadavg, platform, release, totalmem } from 'node:os'
import { chromiumVersion } from './browser'

export interface Machine {
  cpuModel: string
  cpuCount: number
  memoryGiB: number
  node: string
  os: string
  chromium: string
  loadAverageAtStart: number[]
  loadAverageAtEnd?: number[]
}

export function machineInfo(): Machine {
  return {
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    os: `${platform()} ${release()}`,
    chromium: chromiumVersion(),
    loadAverageAtStart: loadavg().map((n) => Math.round(n * 100) / 100),
  }
}

export function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  )
}
