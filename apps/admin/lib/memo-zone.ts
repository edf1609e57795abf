import { IANAZone, Zone, type ZoneOffsetFormat, type ZoneOffsetOptions } from 'luxon';

const QUARTER_HOUR_MS = 900_000;

/**
 * An IANA zone whose UTC offset is remembered per 15-minute slice of time. luxon works an
 * offset out with Intl.DateTimeFormat on every call, and the calendar asks tens of
 * thousands of times per render (2.4 s of a 3.8 s month render with 2,000 bookings,
 * profiled). Every real zone changes offset only on a multiple of 15 minutes UTC (changes
 * happen on whole or half local hours, and offsets are whole quarter hours), so within a
 * slice the offset is constant and the memo is exact.
 */
export class MemoZone extends Zone {
  private readonly inner: IANAZone;
  private readonly offsets = new Map<number, number>();

  constructor(name: string) {
    super();
    this.inner = IANAZone.create(name);
  }

  override get type(): string {
    return 'iana';
  }

  override get name(): string {
    return this.inner.name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return this.inner.isValid;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return this.inner.offsetName(ts, options) ?? '';
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.inner.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    const slice = Math.floor(ts / QUARTER_HOUR_MS);
    let offset = this.offsets.get(slice);
    if (offset === undefined) {
      offset = this.inner.offset(ts);
      this.offsets.set(slice, offset);
    }
    return offset;
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === this.name;
  }
}
