import { uuid } from '../shared/uuid'
import { seededRandom } from './ids'
import type { SimulatorState, UserRecord } from './store'
import { seedDemoAlerts } from './seed-demo-alerts'

const TEAMS = ['Platform', 'Payments', 'Mobile', 'Data', 'Security']
const PEOPLE = [
  'Alice Moreau',
  'Bashir Okafor',
  'Chen Wei',
  'Dana Kowalski',
  'Emeka Obi',
  'Freya Lind',
  'Gabriel Sousa',
  'Hana Sato',
  'Ivan Petrov',
  'Jo Byrne',
]
const SERVICES = [
  'Checkout API',
  'Payments Gateway',
  'Mobile Backend',
  'Push Notifications',
  'Data Warehouse',
  'ETL Pipeline',
  'Auth Service',
  'Edge Proxy',
  'Search Cluster',
  'Billing Jobs',
  'Status Page',
  'Internal Admin',
]
/** A fixed past date, so every rotation is running and the same people are on call for the same instant. */
const ROTATION_START = Date.UTC(2024, 0, 1)

/**
 * The Demo workspace: five teams, ten users, one schedule and escalation per team, twelve
 * services, a mix of alerts and two incidents. Seeded RNG: the same account on every start;
 * only timestamps follow the clock, so the demo always looks recent.
 */
export function seedDemo(state: SimulatorState, now: number): void {
  const random = seededRandom(20261127)
  const users: UserRecord[] = PEOPLE.map((fullName, n) => ({
    id: uuid(random),
    username: `${fullName.split(' ')[0]?.toLowerCase() ?? 'user'}@example.com`,
    fullName,
    role: n === 0 ? 'Owner' : n < 3 ? 'Admin' : 'User',
    timeZone: 'Europe/London',
    createdAt: ROTATION_START - 86_400_000 * (30 + n),
  }))
  state.users.push(...users)
  TEAMS.forEach((name, n) => {
    const members = [0, 1, 2]
      .map((k) => users[(n * 2 + k) % users.length])
      .filter((u) => u !== undefined)
    const team = {
      id: uuid(random),
      name,
      description: `${name} engineering`,
      memberIds: members.map((u) => u.id),
    }
    state.teams.push(team)
    const type = (['weekly', 'daily', 'hourly'] as const)[n % 3] ?? 'weekly'
    const schedule = {
      id: uuid(random),
      name: `${name}_schedule`,
      description: `${name} on-call`,
      timezone: 'Europe/London',
      enabled: true,
      ownerTeamId: team.id,
      rotations: [
        {
          id: uuid(random),
          name: `${name} primary`,
          startDate: ROTATION_START,
          type,
          length: 1,
          participantIds: team.memberIds,
        },
      ],
    }
    state.schedules.push(schedule)
    state.escalations.push({
      id: uuid(random),
      name: `${name}_escalation`,
      description: `Page ${name} on-call, then the whole team`,
      ownerTeamId: team.id,
      rules: [
        {
          condition: 'if-not-acked',
          delayMinutes: 0,
          recipient: { type: 'schedule', id: schedule.id },
        },
        { condition: 'if-not-acked', delayMinutes: 10, recipient: { type: 'team', id: team.id } },
      ],
    })
  })
  SERVICES.forEach((name, n) => {
    const team = state.teams[n % state.teams.length]
    state.services.push({
      id: uuid(random),
      name,
      description: `${name} (demo)`,
      teamId: team?.id ?? '',
      tags: [name.split(' ')[0]?.toLowerCase() ?? 'svc'],
    })
  })
  seedDemoAlerts(state, now, random)
}
