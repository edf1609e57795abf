export {
  anonymiseLapsedCustomers,
  eraseCustomer,
  exportCustomerData,
  findCustomers,
} from './customer-data';
