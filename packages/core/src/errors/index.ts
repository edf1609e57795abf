export { AppError, isAppError, type ErrorCode, type ErrorDetails } from './app-error';
export { toErrorResponse, errorEnvelope, type ErrorEnvelope } from './to-response';
export { translateDatabaseError } from './translate-database-error';
export { describeError } from './describe-error';
export {
  reportError,
  setErrorReporter,
  type ErrorReporter,
  type ErrorReportContext,
} from './report-error';
export { redactPii } from './redact-pii';
