'use client';

export { ErrorPage as default } from '@hibachi/web/error-page';
