import { ADMIN_OPERATIONS } from './admin-api';
import { buildOpenApiDocument } from './build-document';
import { CUSTOMER_OPERATIONS } from './customer-api';

export { ADMIN_OPERATIONS } from './admin-api';
export { CUSTOMER_OPERATIONS } from './customer-api';
export type { ApiOperation } from './build-document';

const documents: { customer?: object; admin?: object } = {};

/** The app's OpenAPI 3.1 document, built once per process from the handlers' schemas. */
export function openApiDocument(app: 'customer' | 'admin'): object {
  return (documents[app] ??=
    app === 'customer'
      ? buildOpenApiDocument({
          title: 'Hibachi at Home: customer API',
          description:
            'Book a hibachi chef and pay the deposit. Every answer is `{"data": …}` or the error envelope `{"error": {"code", "message", "details?", "requestId"}}`. Money is integer cents; dates and times are local to the station.',
          operations: CUSTOMER_OPERATIONS,
        })
      : buildOpenApiDocument({
          title: 'Hibachi at Home: admin API',
          description:
            'For staff, behind the session cookie from `POST /api/session`. STAFF and MANAGER see their own station (another station answers 404); role checks answer 403. Writes carry the `version` they read (409 STALE_VERSION otherwise).',
          operations: ADMIN_OPERATIONS,
        }));
}
