// The pieces of react-big-calendar 1.20's month view that components/calendar/memo-month.tsx
// builds on (CommonJS files under lib/, not in @types/react-big-calendar).
declare module 'react-big-calendar/lib/Month' {
  import type { Component, ComponentType, ReactElement, RefObject } from 'react';
  import type { ViewStatic } from 'react-big-calendar';

  export type MonthViewProps = Record<string, unknown> & {
    events: object[];
    date: Date;
    localizer: unknown;
    accessors: { start: (event: object) => Date; end: (event: object) => Date };
    rtl?: boolean;
    resizable?: boolean;
    showAllEvents?: boolean;
  };
  export default class MonthView extends Component<
    MonthViewProps,
    { rowLimit: number; needLimitMeasure: boolean }
  > {
    renderWeek: (week: Date[], weekIdx: number) => ReactElement;
    getContainer: () => HTMLElement | null;
    readerDateHeading: ComponentType<{ date: Date; className?: string }>;
    handleShowMore: (...args: unknown[]) => void;
    handleSelectEvent: (...args: unknown[]) => void;
    handleDoubleClickEvent: (...args: unknown[]) => void;
    handleKeyPressEvent: (...args: unknown[]) => void;
    handleSelectSlot: (...args: unknown[]) => void;
    slotRowRef: RefObject<unknown>;
    static range: ViewStatic['range'];
    static navigate: ViewStatic['navigate'];
    static title: ViewStatic['title'];
  }
}

declare module 'react-big-calendar/lib/DateContentRow' {
  import type { ComponentType } from 'react';
  const DateContentRow: ComponentType<Record<string, unknown>>;
  export default DateContentRow;
}

declare module 'react-big-calendar/lib/utils/eventLevels' {
  export function sortWeekEvents<T>(events: T[], accessors: unknown, localizer: unknown): T[];
  export function inRange(
    event: object,
    start: Date,
    end: Date,
    accessors: unknown,
    localizer: unknown,
  ): boolean;
}
