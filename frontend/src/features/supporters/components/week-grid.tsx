import type { CSSProperties } from 'react';
import { hhmm, WEEKDAYS } from '@/lib/week';
import type { AvailabilitySlot } from '../api/supporters';
import '../supporters.css';

const minutesOf = (time: string) => {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + (m || 0);
};

/** The hours shown: 8–18 at least, widened to cover every slot. */
function hourRange(slots: readonly AvailabilitySlot[]): [number, number] {
  let from = 8;
  let to = 18;
  for (const s of slots) {
    from = Math.min(from, Math.floor(minutesOf(s.start) / 60));
    to = Math.max(to, Math.ceil(minutesOf(s.end) / 60));
  }
  return [from, Math.min(24, to)];
}

/** True when the supporter is free for some part of the hour starting at `hour` on `day`. */
export function isFree(slots: readonly AvailabilitySlot[], day: number, hour: number): boolean {
  return slots.some((s) => s.dayOfWeek === day && minutesOf(s.start) < (hour + 1) * 60 && minutesOf(s.end) > hour * 60);
}

/** "月 08:00〜12:00、火 08:00〜12:00" — the grid in words. */
export function availabilityText(slots: readonly AvailabilitySlot[]): string {
  if (slots.length === 0) return '空き時間の登録なし';
  return [...slots]
    .sort((a, b) => a.dayOfWeek - b.dayOfWeek || minutesOf(a.start) - minutesOf(b.start))
    .map((s) => `${WEEKDAYS[s.dayOfWeek - 1]} ${hhmm(s.start)}〜${hhmm(s.end)}`)
    .join('、');
}

/**
 * A supporter's weekly availability: rows 月〜日, one column per hour, free hours shaded. The grid is a
 * picture for sighted users; its text alternative (and the visible line under it) says the same in words.
 */
export function WeekGrid({ slots, label = '空き時間' }: { slots: readonly AvailabilitySlot[]; label?: string }) {
  const [from, to] = hourRange(slots);
  const hours = Array.from({ length: to - from }, (_, i) => from + i);
  const text = availabilityText(slots);
  return (
    <div>
      <div
        className="week-grid"
        role="img"
        aria-label={`${label}: ${text}`}
        style={{ '--week-grid-hours': hours.length } as CSSProperties}
      >
        <span />
        {hours.map((h) => (
          <span key={`h${h}`} className="week-grid__hour">
            {h % 2 === 0 ? h : ''}
          </span>
        ))}
        {WEEKDAYS.map((name, i) => {
          const day = i + 1;
          return [
            <span key={`d${day}`} className="week-grid__day">
              {name}
            </span>,
            ...hours.map((h) => {
              const free = isFree(slots, day, h);
              return (
                <span
                  key={`${day}-${h}`}
                  className={`week-grid__cell${free ? ' week-grid__cell--free' : ''}`}
                  data-day={day}
                  data-hour={h}
                  data-free={free}
                />
              );
            }),
          ];
        })}
      </div>
      <p className="week-grid__text" aria-hidden="true">
        {text}
      </p>
    </div>
  );
}
