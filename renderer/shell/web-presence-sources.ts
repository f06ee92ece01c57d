import type { PresenceSource } from '../../shared/shell-contract.ts';

/** What the web shell can tell, in words (Settings and Diagnostics show them; loaded when they ask). */
export const WEB_PRESENCE_SOURCES: PresenceSource[] = [
  {
    kind: 'idle',
    available: 'partial',
    words:
      'Idle time is guessed from this tab: no mouse or keys here counts as away, even while you work in another app.',
  },
  { kind: 'lock', available: 'no', words: 'A browser cannot tell when the screen is locked.' },
  {
    kind: 'suspend',
    available: 'partial',
    words: 'Sleep is noticed on waking, from the timers that stopped or the clock that jumped.',
  },
  {
    kind: 'clock-jump',
    available: 'yes',
    words: 'Clock changes are noticed by comparing the clock with a steady one.',
  },
];
