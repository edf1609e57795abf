'use client';

export { GlobalErrorPage as default } from '@hibachi/web/error-page';
