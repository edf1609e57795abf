import { z } from 'zod';
import { WEB_VITALS, type WebVitalName } from './web-vitals-routes';

export {
  decodeSegment,
  PAGE_ROUTES,
  pageRouteTemplate,
  WEB_VITALS,
  type WebVitalName,
  type WebVitalsApp,
} from './web-vitals-routes';

/** Each value's ceiling: anything above is a broken browser or a forged beacon. */
const CEILING: Record<WebVitalName, number> = {
  LCP: 120_000,
  INP: 60_000,
  CLS: 100,
  TTFB: 120_000,
};

export const ZWebVital = z
  .object({
    name: z.enum(WEB_VITALS),
    value: z.number().finite().min(0),
  })
  .strict()
  .refine((vital) => vital.value <= CEILING[vital.name], {
    message: 'Value out of range for this metric',
    path: ['value'],
  });

/** One beacon: the page's route template and the vitals measured since the last one. */
export const ZWebVitalsInput = z
  .object({
    route: z.string().min(1).max(100),
    vitals: z
      .array(ZWebVital)
      .min(1)
      .max(WEB_VITALS.length * 2),
  })
  .strict();
export type TWebVitalsInput = z.input<typeof ZWebVitalsInput>;
