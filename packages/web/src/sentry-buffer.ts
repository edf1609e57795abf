/**
 * Reports made before Sentry's SDK has loaded: kept in order, up to `limit` (the first ones:
 * later ones are most often the same failure again), and handed to the SDK once when it starts;
 * from then on each report goes straight to it.
 */
export type ReportBuffer<Report> = {
  /** Keeps `report` until `replay` (or sends it, after); false when the buffer is full. */
  add(report: Report): boolean;
  /** Sends what was kept, oldest first, then sends every later report at once. Once only. */
  replay(send: (report: Report) => void): void;
};

export function createReportBuffer<Report extends object>(limit: number): ReportBuffer<Report> {
  const kept: Report[] = [];
  let sendNow: ((report: Report) => void) | undefined;
  let replayed = false;
  return {
    add(report) {
      if (sendNow) {
        sendNow(report);
        return true;
      }
      if (kept.length >= limit) return false;
      kept.push(report);
      return true;
    },
    replay(send) {
      if (replayed) return;
      replayed = true;
      // A report added while replaying joins the end of the queue, so the order holds.
      for (let report = kept.shift(); report !== undefined; report = kept.shift()) send(report);
      sendNow = send;
    },
  };
}
