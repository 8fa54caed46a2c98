import { describe, expect, it } from 'vitest';
import { GLOSS_STIX_NAMESPACE, stixId, stixTimes, stixTimestamp } from '@/lib/export/stix/stix-ids';
import { isStixId } from './stix-rules';

describe('STIX ids', () => {
  it('are <type>--<UUIDv5> of a name in the Gloss namespace', () => {
    const id = stixId('report', 'report:https://news.example/storm-1152');
    expect(isStixId(id, 'report')).toBe(true);
  });

  it('stay the same from run to run (checked against Python uuid.uuid5)', () => {
    expect(GLOSS_STIX_NAMESPACE).toBe('1adaa916-8f50-4d4e-afab-905f742bc15b');
    expect(stixId('intrusion-set', 'intrusion-set:storm-1152')).toBe('intrusion-set--5dfbbc05-eeec-5d5c-be8c-bd25f4f7d93e');
  });

  it('differ by name and by type', () => {
    expect(stixId('report', 'a')).not.toBe(stixId('report', 'b'));
    expect(stixId('report', 'a').slice(8)).toBe(stixId('note', 'a').slice(6));
  });

  it('accept names with lone surrogates and other odd text', () => {
    expect(isStixId(stixId('report', 'bad \ud800 text\n\'"\\'), 'report')).toBe(true);
  });
});

describe('STIX timestamps', () => {
  it('are UTC with millisecond precision', () => {
    expect(stixTimestamp(Date.UTC(2023, 11, 14, 9))).toBe('2023-12-14T09:00:00.000Z');
  });

  it('read a broken time as the epoch and keep four-digit years', () => {
    expect(stixTimestamp(Number.NaN)).toBe('1970-01-01T00:00:00.000Z');
    expect(stixTimestamp(8.64e15)).toBe('9999-12-31T23:59:59.999Z');
    expect(stixTimestamp(-8.64e15)).toBe('0000-01-01T00:00:00.000Z');
  });

  it('never put modified before created', () => {
    const times = stixTimes([Date.UTC(2024, 0, 2)], [Date.UTC(2024, 0, 1)]);
    expect(times).toEqual({ created: '2024-01-02T00:00:00.000Z', modified: '2024-01-02T00:00:00.000Z' });
  });

  it('take the earliest creation and the latest change, ignoring broken values', () => {
    const times = stixTimes([Date.UTC(2024, 0, 3), Date.UTC(2024, 0, 2), Number.NaN], [Date.UTC(2024, 0, 5), Number.NaN]);
    expect(times).toEqual({ created: '2024-01-02T00:00:00.000Z', modified: '2024-01-05T00:00:00.000Z' });
  });
});
