export { anonymiseLapsedCustomers } from './anonymise-lapsed-customers';
export { eraseCustomer } from './erase-customer';
export { exportCustomerData } from './export-customer-data';
export { listCustomers } from './list-customers';
