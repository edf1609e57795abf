export { currentTerms } from './current-terms';
export { getPublicTerms } from './get-public-terms';
export { getPublicTermsVersion } from './get-public-terms-version';
export { getStaffTermsVersion } from './get-staff-terms-version';
export { getTermsHistory } from './get-terms-history';
export { publishTerms } from './publish-terms';
