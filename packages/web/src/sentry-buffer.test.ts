import { describe, expect, it } from 'vitest';
import { createReportBuffer } from './sentry-buffer';

type Report = { id: number };
const reports = (...ids: number[]): Report[] => ids.map((id) => ({ id }));

describe('the report buffer kept until Sentry loads', () => {
  it('hands the SDK what came before it, in order, then sends each later report at once', () => {
    const buffer = createReportBuffer<Report>(10);
    for (const report of reports(1, 2, 3)) buffer.add(report);
    const sent: Report[] = [];
    buffer.replay((report) => sent.push(report));
    expect(sent).toEqual(reports(1, 2, 3));

    buffer.add({ id: 4 });
    expect(sent).toEqual(reports(1, 2, 3, 4));
  });

  it('keeps the first reports up to its limit and drops the rest', () => {
    const buffer = createReportBuffer<Report>(3);
    const kept = reports(1, 2, 3, 4, 5).map((report) => buffer.add(report));
    expect(kept).toEqual([true, true, true, false, false]);
    const sent: Report[] = [];
    buffer.replay((report) => sent.push(report));
    expect(sent).toEqual(reports(1, 2, 3));
    // Once the SDK has them, the limit no longer applies.
    for (const report of reports(6, 7, 8, 9)) expect(buffer.add(report)).toBe(true);
    expect(sent).toEqual(reports(1, 2, 3, 6, 7, 8, 9));
  });

  it('replays once: a second start sends nothing again and later reports go to the first', () => {
    const buffer = createReportBuffer<Report>(10);
    buffer.add({ id: 1 });
    const first: Report[] = [];
    const second: Report[] = [];
    buffer.replay((report) => first.push(report));
    buffer.replay((report) => second.push(report));
    buffer.add({ id: 2 });
    expect(first).toEqual(reports(1, 2));
    expect(second).toEqual([]);
  });

  it('sends a report made while replaying after the ones before it', () => {
    const buffer = createReportBuffer<Report>(10);
    for (const report of reports(1, 2)) buffer.add(report);
    const sent: Report[] = [];
    buffer.replay((report) => {
      sent.push(report);
      // Sending the first one makes another report (say, the SDK's send fails loudly).
      if (report.id === 1) buffer.add({ id: 3 });
    });
    expect(sent).toEqual(reports(1, 2, 3));
  });
});
