import { describe, expect, it } from 'vitest';
import { supporter } from '@/testing/support-fixtures';
import { MAX_SLOTS, newSlotRow, slotErrorKey, supporterResolver, supporterValuesOf, toSupporterBody, validateSupporter } from './supporter-values';

const active = ['GARBAGE', 'BULKY_WASTE', 'CLEANING'];

describe('validateSupporter', () => {
  it('wants a name, a reading, an area, something they can do and a limit of 1 to 50', () => {
    const empty = supporterValuesOf(undefined);
    expect(validateSupporter({ ...empty, capacity: '0' }, active)).toEqual({
      name: '氏名を入力してください',
      kana: 'ふりがなを入力してください',
      areaCode: '地域を選んでください',
      categoryCodes: 'できることを 1 つ以上選んでください',
      capacity: '受け持ちの上限は 1〜50 件で入力してください',
    });
    const filled = supporterValuesOf(supporter());
    expect(validateSupporter(filled, active)).toEqual({});
    expect(validateSupporter({ ...filled, capacity: '51' }, active)).toHaveProperty('capacity');
    expect(validateSupporter({ ...filled, capacity: '2.5' }, active)).toHaveProperty('capacity');
    expect(validateSupporter({ ...filled, capacity: '50' }, active)).toEqual({});
  });

  it('does not count a category that is no longer in use', () => {
    const values = { ...supporterValuesOf(supporter()), categoryCodes: ['RETIRED'] };
    expect(validateSupporter(values, active)).toEqual({ categoryCodes: 'できることを 1 つ以上選んでください' });
  });

  it('refuses a line whose end is not after its start, keyed by the line', () => {
    const values = supporterValuesOf(supporter());
    const [first, second] = values.availability;
    const wrong = { ...values, availability: [first, { ...second, start: '17:00', end: '17:00' }] };
    expect(validateSupporter(wrong, active)).toEqual({ [slotErrorKey(second)]: '終了は開始より後にしてください' });
    const blank = { ...values, availability: [{ ...first, end: '' }, second] };
    expect(validateSupporter(blank, active)).toEqual({ [slotErrorKey(first)]: '開始と終了の時刻を入力してください' });
  });

  it(`takes no more than ${MAX_SLOTS} lines`, () => {
    const values = supporterValuesOf(supporter());
    const many = Array.from({ length: MAX_SLOTS + 1 }, () => newSlotRow());
    expect(validateSupporter({ ...values, availability: many }, active)).toEqual({ availability: '空き時間は 21 件までです' });
  });
});

describe('supporterResolver', () => {
  const resolve = (values: ReturnType<typeof supporterValuesOf>) =>
    supporterResolver(active)(values, undefined, { fields: {}, shouldUseNativeValidation: undefined });

  it('hands the values on when nothing is wrong', async () => {
    const values = supporterValuesOf(supporter());
    expect(await resolve(values)).toEqual({ values, errors: {} });
  });

  it("puts each message at its field, and a line's at that line's 終了 by position", async () => {
    const values = supporterValuesOf(supporter());
    const [first, second] = values.availability;
    const result = await resolve({ ...values, name: ' ', availability: [first, { ...second, end: '07:00' }] });
    expect(result.values).toEqual({});
    expect(result.errors.name).toEqual({ type: 'validate', message: '氏名を入力してください' });
    expect(result.errors.availability?.[0]).toBeUndefined();
    expect(result.errors.availability?.[1]?.end?.message).toBe('終了は開始より後にしてください');
    expect(Object.keys(result.errors)).toEqual(['name', 'availability']);
  });

  it('says too many lines about the list as a whole', async () => {
    const values = supporterValuesOf(supporter());
    const many = Array.from({ length: MAX_SLOTS + 1 }, () => newSlotRow());
    expect((await resolve({ ...values, availability: many })).errors.availability?.root?.message).toBe('空き時間は 21 件までです');
  });
});

describe('newSlotRow', () => {
  it('follows the last line with the next day at the same hours, Sunday wrapping to Monday', () => {
    expect(newSlotRow()).toMatchObject({ dayOfWeek: '1', start: '09:00', end: '12:00' });
    expect(newSlotRow({ key: 0, dayOfWeek: '3', start: '13:00', end: '15:30' })).toMatchObject({ dayOfWeek: '4', start: '13:00', end: '15:30' });
    expect(newSlotRow({ key: 0, dayOfWeek: '7', start: '08:00', end: '10:00' }).dayOfWeek).toBe('1');
  });
});

describe('toSupporterBody', () => {
  it('sends a new supporter without active or version, and a change with the version it was read at', () => {
    const values = supporterValuesOf(supporter({ availability: [{ dayOfWeek: 2, start: '08:00:00', end: '12:00:00' }] }));
    const created = toSupporterBody(values, active);
    expect(created).toEqual({
      name: '佐藤 和子', kana: 'さとう かずこ', contact: null, areaCode: '40101-shoji', groupId: 3,
      categoryCodes: ['GARBAGE', 'CLEANING'], availability: [{ dayOfWeek: 2, start: '08:00', end: '12:00' }],
      capacity: 2, hasVehicle: false,
    });
    expect(toSupporterBody({ ...values, active: false }, active, { version: 7 })).toEqual({ ...created, active: false, version: 7 });
  });

  it('drops a retired category and sends no group as null', () => {
    const values = { ...supporterValuesOf(supporter()), categoryCodes: ['GARBAGE', 'RETIRED'], groupId: '' };
    expect(toSupporterBody(values, active)).toMatchObject({ categoryCodes: ['GARBAGE'], groupId: null });
  });
});
