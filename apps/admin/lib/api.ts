import { ADMIN_API } from '@hibachi/core/openapi/admin-api';
import { createApiClient } from '@hibachi/web/api-client';

/**
 * The admin API: each call's path, method, body and answer typed from core's operation list
 * (the one the OpenAPI document is built from); bodies are checked with core's schemas first,
 * and in development and tests each answer is checked against its schema (a mismatch throws
 * naming the operation and the field; production builds skip the check).
 */
export const api = createApiClient(ADMIN_API);
