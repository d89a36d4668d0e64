/** ISO days of the week as the API numbers them: 1 = 月 … 7 = 日. */
export const WEEKDAYS = ['月', '火', '水', '木', '金', '土', '日'] as const;
export const weekdayName = (day: number) => WEEKDAYS[day - 1] ?? '?';

/** A time of day as the API sends it, for reading and for time inputs: "09:00:00" or "09:00" → "09:00". */
export const hhmm = (time: string) => time.slice(0, 5);
