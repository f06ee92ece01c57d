import { expect } from 'chai';

import { durationText, parseDurationText, parseTimeText, timeText } from '../../../renderer/views/day/time-text.ts';
import { overlappingIds, totalWorkedWithin, workedMsWithin } from '../../../shared/worked-time.ts';

const H = 3_600_000;
const base = { pausedMs: 0, pauseStartedAt: null, pauses: [] as Array<{ start: number; end: number }> };

describe('worked time inside a range (shared/worked-time.ts)', () => {
  it('takes pauses out where they happened, across midnight', () => {
    // 22:00 → 02:00 with a pause 23:00 → 01:00: one hour worked on each side of midnight
    const s = {
      ...base,
      startTime: 22 * H,
      endTime: 26 * H,
      pausedMs: 2 * H,
      pauses: [{ start: 23 * H, end: 25 * H }],
    };
    expect(workedMsWithin(s, 0, 24 * H, 0)).to.equal(H);
    expect(workedMsWithin(s, 24 * H, 48 * H, 0)).to.equal(H);
  });

  it('spreads paused time of old rows (no intervals) evenly, and counts a running session to now minus its open pause', () => {
    const old = { ...base, startTime: 22 * H, endTime: 26 * H, pausedMs: 2 * H };
    expect(workedMsWithin(old, 0, 24 * H, 0)).to.equal(H);
    const running = { ...base, startTime: 10 * H, endTime: null, pauseStartedAt: 11 * H };
    expect(workedMsWithin(running, 0, 24 * H, 12 * H)).to.equal(H);
  });

  it('never goes negative or NaN on impossible rows; the total skips them', () => {
    expect(workedMsWithin({ ...base, startTime: 5 * H, endTime: 4 * H }, 0, 24 * H, 0)).to.equal(0);
    expect(workedMsWithin({ ...base, startTime: H, endTime: 2 * H, pausedMs: 9 * H }, 0, 24 * H, 0)).to.equal(0);
    expect(
      totalWorkedWithin(
        [
          { ...base, startTime: NaN, endTime: 1 },
          { ...base, startTime: 0, endTime: H },
        ],
        0,
        24 * H,
        0,
      ),
    ).to.equal(H);
  });

  it('finds overlapping sessions, the running one reaching to now', () => {
    const ids = overlappingIds(
      [
        { ...base, id: 'a', startTime: 0, endTime: 2 * H },
        { ...base, id: 'b', startTime: H, endTime: 3 * H },
        { ...base, id: 'c', startTime: 3 * H, endTime: 4 * H },
        { ...base, id: 'd', startTime: 5 * H, endTime: null },
        { ...base, id: 'e', startTime: 6 * H, endTime: 7 * H },
      ],
      8 * H,
    );
    expect([...ids].sort()).to.deep.equal(['a', 'b', 'd', 'e']);
  });
});

describe('typed times and durations (Day view)', () => {
  const day = new Date(2026, 10, 25).getTime();
  it('reads times the way people type them', () => {
    expect(parseTimeText('9', day)).to.equal(day + 9 * H);
    expect(parseTimeText('0930', day)).to.equal(day + 9.5 * H);
    expect(parseTimeText('9:30pm', day)).to.equal(day + 21.5 * H);
    expect(parseTimeText('2026-11-24 23:30', day)).to.equal(new Date(2026, 10, 24, 23, 30).getTime());
    for (const bad of ['', '24:00', '9:60', 'noon', '13pm', '\u0000'])
      expect(parseTimeText(bad, day), bad).to.equal(null);
    expect(timeText(day + 9 * H, day)).to.equal('09:00');
    expect(timeText(day - H, day)).to.equal('2026-11-24 23:00');
  });
  it('reads durations, and a bare number as minutes', () => {
    expect(parseDurationText('1:30')).to.equal(1.5 * H);
    expect(parseDurationText('1h30')).to.equal(1.5 * H);
    expect(parseDurationText('1h 30m')).to.equal(1.5 * H);
    expect(parseDurationText('90m')).to.equal(1.5 * H);
    expect(parseDurationText('1.5h')).to.equal(1.5 * H);
    expect(parseDurationText('45')).to.equal(0.75 * H);
    for (const bad of ['', 'h', '1:75', 'abc', '-5']) expect(parseDurationText(bad), bad).to.equal(null);
    expect(durationText(1.5 * H + 5000)).to.equal('1:30:05');
  });
});
