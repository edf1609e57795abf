import { createRouteHandler, ok } from '@hibachi/core/http';
import { listActiveStations } from '@hibachi/core/stations';

export const dynamic = 'force-dynamic';

export const GET = createRouteHandler(async () => ok(await listActiveStations()));
