export { NotFoundPage as default } from '@hibachi/web/not-found-page';
